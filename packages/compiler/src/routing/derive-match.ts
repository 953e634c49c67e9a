import type { MatchIR, SourcePosition } from '@mapdown/ir'
import type { Table } from 'mdast'
import type { FileContext } from '../context.js'
import type { EventSample } from '../event-json.js'
import type { FieldDraft } from '../field-draft.js'
import { mapColumns } from '../markdown/columns.js'
import { findSection, type Section } from '../markdown/sections.js'
import { readTable } from '../markdown/tables.js'
import { reportContradiction } from '../rules/event-types-contradiction.js'
import { reportMatchFromFieldPaths } from '../rules/match-from-field-paths.js'
import { EVENT_ENVELOPE } from './envelope.js'

export interface DerivedMatch {
  match: MatchIR
  eventType: string | null
  /** Where the evidence was written (for messages about this predicate). */
  position: SourcePosition | undefined
}

interface Candidate {
  key: string
  position: SourcePosition | undefined
  evidence: MatchIR['evidence']
  /** Words for messages: what supports this key. */
  because: string
}

/**
 * Derives the routing predicate when front matter has no `match:`. The event
 * object key (`tcpv4`) is taken from, in order:
 * 1. the Event Types table's Field Name, if the sample has a non-null value
 *    there (or, without a sample, Data Dictionary paths start there) and the
 *    fields do not all live elsewhere;
 * 2. the sample's non-null top-level object; when there are several
 *    (SentinelOne events always carry `timestamp`), the one holding the most
 *    Data Dictionary fields;
 * 3. the one first segment of the Data Dictionary paths, the envelope
 *    (`timestamp`, on every event) set aside: a warning then names it, as a
 *    guess to be stated (`match-from-field-paths`).
 * An Event Types table that disagrees with 2 or 3 is reported, naming both places.
 */
export function deriveMatch(ctx: FileContext, sections: readonly Section[], sample: EventSample | undefined, fields: readonly FieldDraft[]): DerivedMatch | undefined {
  const roots = new Map<string, number>()
  for (const field of fields) {
    const root = firstSegment(field)
    if (root !== undefined) roots.set(root, (roots.get(root) ?? 0) + 1)
  }
  const fromSample = sampleCandidate(sample, roots)
  const fromFields = fieldsCandidate(fields, roots)

  const declared = eventTypesRows(sections, ctx.lines.text)
  const consistent = declared.find((row) => {
    const inSample = sample === undefined ? true : isPresent(sample.value[row.key])
    const fieldsThere = roots.size === 0 || (roots.get(row.key) ?? 0) > 0
    return inSample && fieldsThere
  })
  if (consistent) return present(consistent.key, 'event-types-table', consistent.position)

  const fallback = fromSample ?? fromFields
  const first = declared[0]
  if (first && fallback) {
    const sampleValue = sample?.value[first.key]
    const because =
      sample === undefined
        ? `no Data Dictionary path starts with \`${first.key}\``
        : sampleValue === undefined
          ? `the sample event has no \`${first.key}\``
          : !isPresent(sampleValue)
            ? `the sample event has \`"${first.key}": null\`${lineOf(sample.topLevelKeys.get(first.key))}`
            : `no Data Dictionary path starts with \`${first.key}\``
    reportContradiction(ctx, {
      declared: { key: first.key, position: first.position },
      used: { key: fallback.key, position: fallback.position, evidence: fallback.because },
      because,
    })
  }
  if (!fallback) return undefined
  // A contradiction already names the evidence; otherwise a route from the paths alone is said to be a guess.
  if (fallback.evidence === 'field-paths' && !first) reportMatchFromFieldPaths(ctx, fallback.key, fallback.because, fallback.position)
  return present(fallback.key, fallback.evidence, fallback.position)
}

function present(key: string, evidence: MatchIR['evidence'], position: SourcePosition | undefined): DerivedMatch {
  return { match: { all: [{ op: 'present', path: { kind: 'nested', segments: [key], text: key } }], evidence }, eventType: key, position }
}

function sampleCandidate(sample: EventSample | undefined, roots: Map<string, number>): Candidate | undefined {
  if (!sample) return undefined
  const objects = Object.keys(sample.value).filter((key) => {
    const value = sample.value[key]
    return value !== null && typeof value === 'object' && !Array.isArray(value)
  })
  let chosen: string | undefined
  if (objects.length === 1) chosen = objects[0]
  else {
    const ranked = objects.map((key) => ({ key, count: roots.get(key) ?? 0 })).sort((a, b) => b.count - a.count)
    const [best, second] = ranked
    if (best && best.count > 0 && (!second || second.count < best.count)) chosen = best.key
  }
  if (chosen === undefined) return undefined
  const count = roots.get(chosen) ?? 0
  return {
    key: chosen,
    position: sample.topLevelKeys.get(chosen),
    evidence: 'sample-event',
    because:
      objects.length === 1
        ? `\`${chosen}\` is the sample event's only non-null top-level object`
        : `the sample event's non-null \`${chosen}\` object holds ${count} of the ${sumOf(roots)} Data Dictionary fields`,
  }
}

function fieldsCandidate(fields: readonly FieldDraft[], roots: Map<string, number>): Candidate | undefined {
  if (fields.some((field) => firstSegment(field) === undefined)) return undefined
  const objects = [...roots.keys()].filter((root) => !EVENT_ENVELOPE.has(root))
  const key = roots.size === 1 ? [...roots.keys()][0] : objects.length === 1 ? objects[0] : undefined
  if (key === undefined) return undefined
  const others = [...roots.keys()].filter((root) => root !== key)
  const because =
    others.length === 0
      ? `every Data Dictionary path starts with \`${key}\``
      : `${roots.get(key) ?? 0} of the ${fields.length} Data Dictionary paths start with \`${key}\`, the others with ${others.map((root) => `\`${root}\``).join(', ')}, which every event carries`
  return { key, position: fields.find((field) => firstSegment(field) === key)?.pathCell.position, evidence: 'field-paths', because }
}

function eventTypesRows(sections: readonly Section[], source: string): { key: string; position: SourcePosition }[] {
  const section = findSection(sections, 'event-types')
  const node = section?.nodes.find((child): child is Table => child.type === 'table')
  if (!node) return []
  const table = readTable(node, source)
  const column = mapColumns(table.header).index.fieldName
  if (column === undefined) return []
  const rows: { key: string; position: SourcePosition }[] = []
  for (const row of table.rows) {
    const cell = row.cells[column]
    if (cell && /^[A-Za-z_$][\w$-]*$/.test(cell.raw)) rows.push({ key: cell.raw, position: cell.position })
  }
  return rows
}

/** The first key of a field's path: where it lives in the event. */
function firstSegment(field: FieldDraft): string | undefined {
  const path = field.path
  if (path.kind === 'nested' || path.kind === 'either') {
    const first = path.segments[0]
    return typeof first === 'string' && (path.segments.length > 1 || path.kind === 'nested') ? first : undefined
  }
  return undefined
}

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined
}

function lineOf(position: SourcePosition | undefined): string {
  return position ? ` (line ${position.start.line})` : ''
}

function sumOf(counts: Map<string, number>): number {
  let total = 0
  for (const count of counts.values()) total += count
  return total
}
