// Markdown tables rendered from a compiled IR, for dictionaries/README.md.
// Pure functions: the same IR always gives the same text.

import type { DictionaryIR, FieldType, MappingIR, MatchCondition, MatchValue } from '@mapdown/ir'

/** One standard name as the library uses it: every type it is declared with and who fills it. */
export interface StandardNameUse {
  readonly name: string
  /** Sorted; more than one entry means the library is inconsistent. */
  readonly types: readonly FieldType[]
  /** Dictionary ids, sorted. */
  readonly dictionaries: readonly string[]
}

/** Collects, per standard name, its declared types and the dictionaries that fill it. */
export function standardNameUses(dictionaries: readonly DictionaryIR[]): StandardNameUse[] {
  const byName = new Map<string, { types: Set<FieldType>; dictionaries: Set<string> }>()
  for (const dictionary of dictionaries) {
    for (const field of dictionary.fields) {
      let use = byName.get(field.name)
      if (!use) byName.set(field.name, (use = { types: new Set(), dictionaries: new Set() }))
      use.types.add(field.type)
      use.dictionaries.add(dictionary.id)
    }
  }
  return [...byName.keys()].sort(compareText).map((name) => {
    const use = byName.get(name)!
    return { name, types: [...use.types].sort(compareText), dictionaries: [...use.dictionaries].sort(compareText) }
  })
}

/** `| Standard Name | Type | Dictionaries |`, one row per standard name. */
export function renderStandardNamesTable(ir: MappingIR): string {
  const rows = standardNameUses(ir.dictionaries).map((use) => [
    code(use.name),
    use.types.join(' / '),
    use.dictionaries.map(code).join(', '),
  ])
  return renderTable(['Standard Name', 'Type', 'Dictionaries'], rows)
}

/** `| Dictionary | Routed on | Precedence | Fields | File |`, one row per dictionary (precedence: which takes an event several accept). */
export function renderDictionariesTable(ir: MappingIR): string {
  const rows = ir.dictionaries.map((dictionary) => [
    code(dictionary.id),
    dictionary.match.all.map(describeCondition).join(' and '),
    String(dictionary.match.precedence ?? 0),
    String(dictionary.fields.length),
    `[${dictionary.source}](${dictionary.source})`,
  ])
  return renderTable(['Dictionary', 'Routed on', 'Precedence', 'Fields', 'File'], rows)
}

/** A routing condition in words: `` `tcpv4` not null `` or `` `event.type` = `GET`, `POST` ``. */
export function describeCondition(condition: MatchCondition): string {
  if (condition.op === 'present') return `${code(condition.path.text)} not null`
  return `${code(condition.path.text)} = ${condition.values.map(describeValue).join(', ')}`
}

function describeValue(value: MatchValue): string {
  return code(typeof value === 'string' ? value : JSON.stringify(value))
}

function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** A pipe inside a cell would end it. */
function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|')
}

function code(text: string): string {
  return `\`${text}\``
}

/** Locale-independent ordering, so the README does not depend on the machine that wrote it. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
