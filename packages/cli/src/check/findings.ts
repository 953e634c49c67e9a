/**
 * Turns `check` outcomes into diagnostics on the dictionaries' VFiles, so that
 * every `--format` (text, json, sarif, github) reports them like compile messages.
 * A problem in a sample mapping is a warning, an error with `--strict`.
 */
import { relative, resolve, sep } from 'node:path'
import type { CompileResult } from '@mapdown/compiler'
import type { SourcePosition } from '@mapdown/ir'
import type { DictionaryCheck } from './samples.js'

type VFile = CompileResult['files'][number]

export const CHECK_RULES = {
  fieldIssue: 'sample-field-issue',
  rejected: 'sample-rejected',
  routedElsewhere: 'sample-routed-elsewhere',
} as const

export function addFindings(checks: readonly DictionaryCheck[], files: readonly VFile[], strict: boolean): void {
  for (const check of checks) {
    const file = fileFor(files, check.dictionary.source)
    if (file === undefined) continue
    const report = (reason: string, ruleId: string, place?: VFile['messages'][number]['place']) => {
      const message = file.message(reason, { ruleId, source: 'mapdown', ...(place === undefined ? {} : { place }) })
      message.fatal = strict
    }
    const id = check.dictionary.id
    if (check.status === 'rejected') {
      report(
        `Unexpected rejection of the Event JSON sample (\`${check.reason}\`: ${check.message}), expected it to map with \`${id}\``,
        CHECK_RULES.rejected,
      )
    } else if (check.status === 'routed_elsewhere') {
      report(
        `Unexpected routing of the Event JSON sample to \`${check.routedTo}\`, expected \`${id}\``,
        CHECK_RULES.routedElsewhere,
      )
    }
    const fields = check.dictionary.fields
    check.fields.forEach((outcome, index) => {
      if (outcome.outcome !== 'issue') return
      // The compiler checks sample values too (with the engine's coercions); when it
      // already reported this row, a second message would only repeat it. Only a
      // disagreement between the two is news.
      const row = fields[index]?.position.start.line
      if (file.messages.some((message) => message.ruleId?.startsWith('sample-') && message.place && lineOf(message.place) === row)) return
      report(
        `Unexpected sample value ${JSON.stringify(outcome.issue.value)} for \`${outcome.name}\` (\`${outcome.path}\`, ${outcome.type}): ${outcome.issue.message}`,
        CHECK_RULES.fieldIssue,
        placeOf(fields[index]?.position),
      )
    })
  }
}

function lineOf(place: NonNullable<VFile['messages'][number]['place']>): number {
  return 'start' in place ? place.start.line : place.line
}

/** A unist position for vfile (which wants an end; a point-only position ends where it starts). */
function placeOf(position: SourcePosition | undefined): VFile['messages'][number]['place'] {
  if (position === undefined) return undefined
  return { start: position.start, end: position.end ?? position.start }
}

/** The VFile a dictionary was compiled from (`source` is relative to the working folder, `/`-separated). */
function fileFor(files: readonly VFile[], source: string): VFile | undefined {
  return files.find((file) => {
    if (file.path === undefined) return false
    const path = relative(process.cwd(), resolve(file.cwd, file.path)).split(sep).join('/')
    return path === source
  })
}
