/**
 * Turns `check` outcomes into diagnostics on the dictionaries' VFiles, so that
 * every `--format` (text, json, sarif, github) reports them like compile messages.
 * A problem in a sample mapping is a warning, an error with `--strict`.
 */
import { relative, resolve, sep } from 'node:path'
import { sampleFieldIssue, sampleRejected, sampleRoutedElsewhere, type CompileResult } from '@mapdown/compiler'
import type { SourcePosition } from '@mapdown/ir'
import type { DictionaryCheck } from './samples.js'

type VFile = CompileResult['files'][number]

export function addFindings(checks: readonly DictionaryCheck[], files: readonly VFile[], strict: boolean): void {
  for (const check of checks) {
    const file = fileFor(files, check.dictionary.source)
    if (file === undefined) continue
    const target = { file }
    const extras = { severity: strict ? 'error' : 'warning' } as const
    const id = check.dictionary.id
    if (check.status === 'rejected') {
      sampleRejected.report(target, 'rejected', { reason: check.reason ?? '', message: check.message ?? '', id }, undefined, extras)
    } else if (check.status === 'routed_elsewhere') {
      sampleRoutedElsewhere.report(target, 'routedElsewhere', { routedTo: check.routedTo ?? '', id }, undefined, extras)
    }
    const fields = check.dictionary.fields
    check.fields.forEach((outcome, index) => {
      if (outcome.outcome !== 'issue') return
      // The compiler checks sample values too (with the engine's coercions); when it
      // already reported this row, a second message would only repeat it. Only a
      // disagreement between the two is news.
      // A row included from a partial is reported in the partial, where it was written.
      const field = fields[index]
      const rowFile = field?.source === undefined ? file : fileFor(files, field.source)
      if (rowFile === undefined) return
      const row = field?.position.start.line
      if (rowFile.messages.some((message) => message.ruleId?.startsWith('sample-') && message.place && lineOf(message.place) === row)) return
      sampleFieldIssue.report(
        { file: rowFile },
        'fieldIssue',
        { value: String(JSON.stringify(outcome.issue.value)), name: outcome.name, path: outcome.path, type: outcome.type, issue: outcome.issue.message },
        placeOf(fields[index]?.position),
        extras,
      )
    })
  }
}

function lineOf(place: NonNullable<VFile['messages'][number]['place']>): number {
  return 'start' in place ? place.start.line : place.line
}

/** A position with an end (a point-only position ends where it starts), as before rules stamped these messages. */
function placeOf(position: SourcePosition | undefined): SourcePosition | undefined {
  return position === undefined ? undefined : { start: position.start, end: position.end ?? position.start }
}

/** The VFile a dictionary was compiled from (`source` is relative to the working folder, `/`-separated). */
function fileFor(files: readonly VFile[], source: string): VFile | undefined {
  return files.find((file) => {
    if (file.path === undefined) return false
    const path = relative(process.cwd(), resolve(file.cwd, file.path)).split(sep).join('/')
    return path === source
  })
}
