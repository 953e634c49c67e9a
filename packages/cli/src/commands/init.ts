/**
 * `mapdown init`: drafts a dictionary from a sample event, reusing the
 * library's Standard Names for the Field Names it already maps. The draft
 * compiles; what it cannot name is listed for the author in the file.
 */
import { existsSync, statSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js'
import { libraryFolder } from '../dictionaries/library.js'
import { pickEvents } from '../init/pick-events.js'
import type { DictionaryDraft } from '@mapdown/compiler'
import { InputError, systemErrorMessage, UsageError } from '../errors.js'

export const help = `Usage: mapdown init [options] EVENTS

Drafts a dictionary from a sample event: front matter that routes it, the
event as Event JSON, and a Data Dictionary row for every field whose Field
Name the library already maps (same Standard Name, same type). The other
fields are listed in a comment at the end of the file, for you to name.
EVENTS is a JSON file holding one event, or an NDJSON file (\`-\` for stdin):
then one dictionary is drafted per event type (the first event of each).

Routing: a Cloud Funnel event on \`event.category\` and \`event.type\`
(compared loosely: \`Process Creation\` = \`ProcessCreation\`), a Deep
Visibility event on its one non-null event object, any other on --key.
\`precedence:\` follows the library's convention: 1 for Cloud Funnel, for
Deep Visibility one below the library's lowest (dictionaries/README.md).

Options:
  -o, --out PATH        the dictionary to write (default: stdout), or a folder
                        (needed for several event types): DIR/<log.type>/<name>.md
      --key PATH        route on the value at this key (a flat key or a dotted
                        path), and draft one dictionary per value
      --library DIR     dictionaries to take Standard Names from (default: ./dictionaries)
      --log-type NAME   log.type of events that are neither Cloud Funnel nor Deep Visibility
      --date DATE       front matter date (default: today, YYYY-MM-DD)
      --force           overwrite existing files
      --debug           show stack traces
  -h, --help            show this help

Exit codes: 0 written, 1 unusable input, 2 usage error.

Examples:
  mapdown init event.json -o dictionaries/sentinelone-cloud-funnel/process-creation.md
  mapdown init events.ndjson --out drafts/
  mapdown init events.ndjson --key event.type --out drafts/
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  out: { type: 'string', short: 'o' },
  key: { type: 'string' },
  library: { type: 'string' },
  'log-type': { type: 'string' },
  date: { type: 'string' },
  force: { type: 'boolean' },
} as const

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('init', argv, OPTIONS)
  if (values.help) {
    process.stdout.write(help)
    return 0
  }
  if (positionals.length !== 1) throw new UsageError('expected one file of sample events', 'init')
  const [input] = positionals as [string]
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    throw new UsageError(`invalid value \`${values.date}\` for \`--date\`, expected YYYY-MM-DD`, 'init')
  }
  const date = values.date ?? new Date().toISOString().slice(0, 10)

  const picked = pickEvents(await readInput(input), input, values.key)
  const folder = await libraryFolder(values.library)
  const { compileFiles, draftDictionary } = await import('@mapdown/compiler')
  const library = folder === undefined ? [] : (await compileFiles([folder])).ir.dictionaries
  if (folder === undefined) process.stderr.write(`mapdown init: no library at ./dictionaries: no Standard Name can be reused (--library DIR names one)\n`)

  const drafts: DictionaryDraft[] = []
  for (const { event, lineNo } of picked.events) {
    const result = draftDictionary(event, {
      library,
      // Each Deep Visibility draft goes below the earlier ones, so that no two tie (dictionaries/README.md: precedence).
      drafted: drafts,
      date,
      ...(values.key === undefined ? {} : { routingKey: values.key }),
      ...(values['log-type'] === undefined ? {} : { logType: values['log-type'] }),
    })
    if (!result.ok) {
      const reason = values.key === undefined ? `${result.reason}; name the key to route on with --key PATH` : result.reason
      throw new InputError(lineNo === undefined ? reason : `line ${lineNo}: ${reason}`, input)
    }
    drafts.push(result.draft)
  }

  const several = drafts.length > 1
  if (several && values.out === undefined) {
    throw new UsageError(`${drafts.length} event types in ${input}: name a folder to write one dictionary each into with --out DIR`, 'init')
  }
  // In a folder, as in the library: one subfolder per log type.
  const out = values.out
  const targets = drafts.map((draft) => (out === undefined ? undefined : several || isFolder(out) ? join(out, draft.logType, draft.fileName) : out))
  const existing = targets.find((target) => target !== undefined && existsSync(target))
  if (existing !== undefined && values.force !== true) throw new InputError('exists already: not overwritten (--force overwrites it)', existing)
  const written: string[] = []
  for (const [index, draft] of drafts.entries()) {
    const target = targets[index]
    if (target === undefined) process.stdout.write(draft.markdown)
    else {
      await writeDraft(target, draft.markdown)
      written.push(target)
    }
    const where = target ?? 'stdout'
    const left = draft.unnamed.length
    process.stderr.write(
      `mapdown init: ${draft.id} written to ${where}: ${count(draft.named, 'field')} named from the library` +
        (left === 0 ? '\n' : `, ${left} listed for you to name in the comment at the end\n`),
    )
    if (draft.named === 0) process.stderr.write(`mapdown init: ${draft.id} has no Data Dictionary row yet: it compiles once you name at least one field\n`)
  }
  if (picked.untypedEvents > 0) {
    process.stderr.write(`mapdown init: ${count(picked.untypedEvents, 'event')} of ${input} ${picked.untypedEvents === 1 ? 'has' : 'have'} no type to draft from (neither Cloud Funnel nor Deep Visibility${values.key === undefined ? '' : `, nothing at \`${values.key}\``}) and ${picked.untypedEvents === 1 ? 'was' : 'were'} skipped\n`)
  }
  if (picked.skippedLines > 0) process.stderr.write(`mapdown init: ${count(picked.skippedLines, 'line')} of ${input} ${picked.skippedLines === 1 ? 'is not a JSON object and was' : 'are not JSON objects and were'} skipped\n`)
  if (out !== undefined) process.stderr.write(`next: mapdown check ${out}\n`)
  return 0
}

async function readInput(input: string): Promise<string> {
  try {
    if (input === '-') {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    }
    return await readFile(input, 'utf8')
  } catch (error) {
    throw new InputError(systemErrorMessage(error), input, { cause: error })
  }
}

/** A path names a folder when it ends with a separator or is an existing folder. */
function isFolder(path: string): boolean {
  if (/[/\\]$/.test(path)) return true
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

async function writeDraft(path: string, markdown: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, markdown)
  } catch (error) {
    throw new InputError(`cannot write: ${systemErrorMessage(error)}`, path, { cause: error })
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
