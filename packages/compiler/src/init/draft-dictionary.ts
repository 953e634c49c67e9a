import type { DateArgument, DictionaryIR, FieldType, MatchValue } from '@mapdown/ir'
import { stringify } from 'yaml'
import { typeLabel } from '../types/field-type.js'
import { inferType } from '../types/infer-type.js'
import { eventFormat, type EventFormat } from './event-format.js'
import { eventLeaves, type SkippedLeaf } from './event-leaves.js'
import { cellFor, commentSafe, kebabCase, pascalCase, proseCell, snakeCase, titleWords } from './markdown-text.js'
import { Vocabulary } from './vocabulary.js'

export interface DraftOptions {
  /** Compiled dictionaries whose Standard Names are reused for the same Field Names. */
  library?: readonly DictionaryIR[]
  /** Route on the value at this key (a flat key or a dotted path) instead of the recognised format's. */
  routingKey?: string
  /** `log.type` for an event that is neither Cloud Funnel nor Deep Visibility (required then). */
  logType?: string
  /** Front matter `date` (YYYY-MM-DD); left out when not given. */
  date?: string
  /** Drafts made before this one in the same run: a Deep Visibility draft goes below theirs too (`DictionaryDraft.precedence`). */
  drafted?: readonly Pick<DictionaryDraft, 'logType' | 'precedence'>[]
}

/** A field of the sample event that the draft leaves to its author. */
export interface UnnamedField {
  readonly fieldName: string
  /** The row to fill in, when the value has a type (`| | src.process.pid | integer | | 9124 |`). */
  readonly row?: string
  readonly why: string
}

export interface DictionaryDraft {
  /** The dictionary's id, `<log.type>/<rule>`. */
  readonly id: string
  readonly logType: string
  /** The `precedence:` written (0 when none is): the library's convention for its format, see `precedenceFor`. */
  readonly precedence: number
  /** A file name for it: `process-creation.md`. */
  readonly fileName: string
  /** The markdown. */
  readonly markdown: string
  /** Rows written, each with a Standard Name from the library. */
  readonly named: number
  readonly unnamed: readonly UnnamedField[]
}

export type DraftResult = { ok: true; draft: DictionaryDraft } | { ok: false; reason: string }

const NOT_IN_LIBRARY = 'no dictionary of the library maps this Field Name'

const HEADER = ['Standard Name', 'Field Name', 'Type', 'Description', 'Sample Value'] as const

/**
 * Drafts a dictionary from one sample event: front matter that routes it,
 * the event pretty-printed as Event JSON, and one Data Dictionary row per
 * scalar whose Field Name the library already maps (same Standard Name, same
 * type). Everything else is listed for the author in a comment, never named
 * by guess. Pure: the caller reads files and compiles the library.
 */
export function draftDictionary(event: unknown, options: DraftOptions = {}): DraftResult {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return { ok: false, reason: 'the sample event is not a JSON object' }
  const sample = event as Readonly<Record<string, unknown>>
  const recognised = eventFormat(sample, options.routingKey)
  if (!recognised.ok) return recognised
  const format = recognised.format
  const header = headerOf(format, options)
  if (!header.ok) return header

  const vocabulary = new Vocabulary(options.library ?? [], header.logType)
  const { leaves, skipped } = eventLeaves(sample, { ignoreTopLevelNull: format.kind === 'deep-visibility' })
  const rows: string[] = []
  const unnamed: UnnamedField[] = []
  for (const leaf of leaves) {
    const sampleCell = cellFor(String(leaf.value)) ?? ''
    const naming = vocabulary.name(leaf.fieldName, leaf.value)
    if (naming.kind === 'named') {
      const { field } = naming
      rows.push(tableRow([field.name, leaf.fieldName, typeText(field.type, field.dateArgument), proseCell(field.description), sampleCell]))
      continue
    }
    const inferred = inferType(leaf.value)
    // Any dotted quad reads as an IPv4 address (`24.1.2.6` is an agent version): only a Field Name that says so gets `ip`.
    const type = inferred === undefined || (inferred.type === 'ip' && !/ip|addr/i.test(leaf.fieldName)) ? 'string' : typeText(inferred.type, inferred.dateArgument)
    unnamed.push({
      fieldName: leaf.fieldName,
      row: tableRow(['', leaf.fieldName, type, '', sampleCell]),
      why: naming.kind === 'conflict' ? naming.why : NOT_IN_LIBRARY,
    })
  }
  for (const leaf of skipped) unnamed.push({ fieldName: leaf.fieldName, why: SKIPPED_WHY[leaf.reason] })

  const markdown = [
    `---\n${stringify(header.frontMatter, { lineWidth: 0 })}---`,
    '',
    '## Description',
    `Drafted by \`mapdown init\` from a sample event. Say when SentinelOne sends this event and what its fields mean.`,
    '',
    '## Event JSON',
    '',
    '```json',
    JSON.stringify(sample, null, 2),
    '```',
    ...(format.kind === 'deep-visibility' ? ['', ...eventTypesTable(format.eventObject)] : []),
    '',
    '## Data Dictionary',
    tableRow([...HEADER]),
    tableRow(HEADER.map((title) => '-'.repeat(title.length))),
    ...rows,
    ...unnamedComment(unnamed),
  ].join('\n')
  return {
    ok: true,
    draft: { id: `${header.logType}/${header.rule}`, logType: header.logType, precedence: header.precedence, fileName: `${kebabCase(header.rule)}.md`, markdown: `${markdown}\n`, named: rows.length, unnamed },
  }
}

const SKIPPED_WHY: Readonly<Record<SkippedLeaf['reason'], string>> = {
  null: 'null in the sample event: no type to infer',
  array: 'an array: map its items with an index (`a.0`) or a JSONPath',
  'empty-object': 'an empty object in the sample event',
  'unreadable-name': 'its keys cannot be written as a dotted Field Name: use a JSONPath (`$["key"]`)',
}

interface Header {
  ok: true
  logType: string
  rule: string
  precedence: number
  frontMatter: Record<string, unknown>
}

/** What every Cloud Funnel dictionary of the library declares: its value test beats a Deep Visibility presence test. */
const CLOUD_FUNNEL_PRECEDENCE = 1

const DEEP_VISIBILITY_LOG_TYPE = 'sentinelone'

/**
 * The library's convention (dictionaries/README.md), so that a draft never
 * ties with a dictionary its predicate can meet (`match-overlap`):
 * - Cloud Funnel: `CLOUD_FUNNEL_PRECEDENCE`; Cloud Funnel dictionaries are told
 *   apart by their `event.category` and `event.type` values, so a tie left is
 *   a type the library already routes, and `check` names it.
 * - Deep Visibility: one below the lowest Deep Visibility dictionary of the
 *   library and of the earlier drafts (0 when there is none); but the
 *   precedence of a library dictionary on the same event object, so that
 *   `check` reports the duplicate instead of a dictionary that never wins.
 * - Any other event: the default 0 (no convention; `check` reports an
 *   overlap with the library, and its author decides).
 */
function precedenceFor(format: EventFormat, options: DraftOptions): number {
  if (format.kind === 'cloud-funnel') return CLOUD_FUNNEL_PRECEDENCE
  if (format.kind === 'keyed') return 0
  const library = (options.library ?? []).filter((dictionary) => dictionary.logType === DEEP_VISIBILITY_LOG_TYPE)
  const same = library.find(({ match }) => match.all.length === 1 && match.all[0]!.op === 'present' && match.all[0]!.path.text === format.eventObject)
  if (same) return same.match.precedence ?? 0
  const taken = [
    ...library.map((dictionary) => dictionary.match.precedence ?? 0),
    ...(options.drafted ?? []).filter((draft) => draft.logType === DEEP_VISIBILITY_LOG_TYPE).map((draft) => draft.precedence),
  ]
  return taken.length === 0 ? 0 : Math.min(...taken) - 1
}

function headerOf(format: EventFormat, options: DraftOptions): Header | { ok: false; reason: string } {
  const date = options.date === undefined ? {} : { date: options.date }
  const precedence = precedenceFor(format, options)
  switch (format.kind) {
    case 'cloud-funnel': {
      const rule = pascalCase(format.eventType)
      const logType = 'sentinelone-cloud-funnel'
      return {
        ok: true,
        logType,
        rule,
        precedence,
        frontMatter: {
          title: `${titleWords(format.eventType)} Sentinel One Cloud Funnel`,
          description: `SentinelOne Cloud Funnel 2.0 events of type ${format.eventType}`,
          'log.type': logType,
          [`${logType}.version`]: 2,
          [`${logType}.rule`]: rule,
          match: Object.fromEntries(format.match),
          'match-compare': 'loose',
          precedence,
          ...date,
        },
      }
    }
    case 'deep-visibility': {
      const rule = pascalCase(format.eventObject)
      const logType = 'sentinelone'
      return {
        ok: true,
        logType,
        rule,
        precedence,
        frontMatter: {
          title: `${titleWords(format.eventObject)} Sentinel One`,
          description: `SentinelOne Deep Visibility ${format.eventObject} events`,
          'log.type': logType,
          [`${logType}.version`]: 1,
          [`${logType}.rule`]: rule,
          // Explicit, so that a draft whose rows all sit outside the event object still routes on it.
          match: format.eventObject,
          ...(precedence === 0 ? {} : { precedence }),
          ...date,
        },
      }
    }
    case 'keyed': {
      if (options.logType === undefined) return { ok: false, reason: `an event routed on \`${format.key}\` needs a log type` }
      const rule = pascalCase(String(format.value))
      if (rule === '') return { ok: false, reason: `no rule name can be made from ${JSON.stringify(format.value)} at \`${format.key}\`` }
      return {
        ok: true,
        logType: options.logType,
        rule,
        precedence,
        frontMatter: {
          title: `${titleWords(String(format.value))} ${options.logType}`,
          description: `${options.logType} events with ${format.key} ${String(format.value)}`,
          'log.type': options.logType,
          [`${options.logType}.rule`]: rule,
          match: { [format.key]: format.value as MatchValue },
          ...date,
        },
      }
    }
  }
}

/** A Type cell as the library writes it: `date` for the default epoch milliseconds. */
function typeText(type: FieldType, dateArgument: DateArgument | undefined): string {
  return type === 'date' && dateArgument !== 'epoch_ms' ? typeLabel(type, dateArgument) : type
}

function eventTypesTable(eventObject: string): string[] {
  return ['## Event Types', '| Standard Name | Field Name | Description |', '| ------------- | ---------- | ----------- |', tableRow([snakeCase(eventObject), eventObject, `The \`${eventObject}\` event object`])]
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

function unnamedComment(unnamed: readonly UnnamedField[]): string[] {
  if (unnamed.length === 0) return []
  const rows = unnamed.flatMap((field) => (field.row === undefined ? [] : [field.row]))
  const notes = unnamed.filter((field) => field.row === undefined || field.why !== NOT_IN_LIBRARY)
  return [
    '',
    '<!--',
    'mapdown init: no Standard Name in the library for these fields of the sample event.',
    'Name the ones you need, move their rows into the table above, and delete the rest.',
    '',
    ...rows.map(commentSafe),
    ...(notes.length === 0 ? [] : ['', ...notes.map((field) => commentSafe(`- ${field.fieldName}: ${field.why}`))]),
    '-->',
  ]
}
