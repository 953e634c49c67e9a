import type { JsonValue, MatchCompare, SourcePosition, TargetValueIR } from '@mapdown/ir'
import type { Paragraph, RootContent, Table } from 'mdast'
import { parse as parseYaml } from 'yaml'
import type { FileContext } from '../context.js'
import type { FrontMatter } from '../front-matter.js'
import { parseMarkdownFrom } from '../markdown/parse.js'
import { normaliseHeader, readTable, type TableCell, type TableModel } from '../markdown/tables.js'
import { toText } from '../markdown/to-text.js'
import { toSourcePosition } from '../position.js'
import { schemaDerivationInvalid } from '../rules/schema-derivation-invalid.js'
import { schemaDocumentInvalid } from '../rules/schema-document-invalid.js'
import { readOptionalKey } from '../rules/front-matter-value-type.js'
import { DERIVATIONS } from '@mapdown/ir'
import { isProblem, parseExpression, type Expression } from './expression.js'

/** One crosswalk row (`## Fields` or `### Overrides`): what it reads, where it writes, through which map. */
export interface CrosswalkRow {
  readonly expression: Expression
  readonly expressionCell: TableCell
  /** Undefined for `-` (an override that drops the rows it replaces). */
  readonly target: readonly string[] | undefined
  readonly targetCell: TableCell
  readonly mapName: string | undefined
  readonly mapCell: TableCell | undefined
}

export interface ConstantRow {
  readonly target: readonly string[]
  readonly targetCell: TableCell
  readonly value: JsonValue
  readonly valueCell: TableCell
}

export interface MapDraft {
  readonly name: string
  readonly position: SourcePosition
  readonly compare: MatchCompare
  readonly entries: { readonly from: string; readonly to: TargetValueIR; readonly cell: TableCell; readonly toCell: TableCell }[]
  readonly default: TargetValueIR | undefined
  readonly defaultCell: TableCell | undefined
}

export interface DictionarySection {
  readonly id: string
  readonly position: SourcePosition
  readonly constants: ConstantRow[]
  readonly overrides: CrosswalkRow[]
}

export interface SchemaDraft {
  readonly name: string
  readonly namePosition: SourcePosition
  readonly title: string
  readonly description: string | null
  readonly version: string | null
  readonly definitions: string
  readonly metadata: readonly string[]
  /** `metadata-form: labels`: the metadata as string labels in the object at `metadata` (ECS `labels`). */
  readonly metadataLabels: boolean
  readonly fields: CrosswalkRow[]
  readonly constants: ConstantRow[]
  readonly maps: Map<string, MapDraft>
  readonly dictionaries: DictionarySection[]
}

/** The name a schema document gives itself (front matter `schema:`), or undefined when it is not a schema. */
export function schemaNameOf(frontMatter: FrontMatter | undefined): string | undefined {
  const value = frontMatter?.keys.get('schema')?.value
  return value === undefined ? undefined : String(value ?? '')
}

const SCHEMA_NAME = /^[a-z][a-z0-9-]*$/
const RESERVED_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype', ''])
/** The metadata's place when the front matter names none: as in a standard-names record. */
const DEFAULT_METADATA = ['@mapdown']

const CROSSWALK_COLUMNS = ['standard name', 'target field', 'value map'] as const
const CONSTANT_COLUMNS = ['target field', 'value'] as const
const MAP_COLUMNS = ['value', 'target value'] as const

/** Reads a schema document into a draft; every problem is a message on `ctx.file`. Undefined when the front matter is unusable. */
export function readSchemaDocument(ctx: FileContext, frontMatter: FrontMatter, bodyStart: number): SchemaDraft | undefined {
  const nameKey = frontMatter.keys.get('schema')!
  const name = schemaNameOf(frontMatter) ?? ''
  const namePosition = ctx.lines.position(nameKey.start, Math.max(nameKey.valueEnd, nameKey.start + 1))
  if (!SCHEMA_NAME.test(name)) {
    schemaDocumentInvalid.report(ctx, 'name', { name }, namePosition)
    return undefined
  }
  const metadataText = readOptionalKey(ctx, frontMatter, 'metadata')
  let metadata = DEFAULT_METADATA
  if (metadataText !== null) {
    const parsed = targetPath(metadataText)
    if (parsed) metadata = parsed
    else {
      const key = frontMatter.keys.get('metadata')!
      schemaDocumentInvalid.report(ctx, 'metadata', { path: metadataText }, ctx.lines.position(key.valueStart, Math.max(key.valueEnd, key.valueStart + 1)))
    }
  }
  const formText = readOptionalKey(ctx, frontMatter, 'metadata-form')
  if (formText !== null && formText !== 'labels' && formText !== 'object') {
    const key = frontMatter.keys.get('metadata-form')!
    schemaDocumentInvalid.report(ctx, 'metadataForm', { form: formText }, ctx.lines.position(key.valueStart, Math.max(key.valueEnd, key.valueStart + 1)))
  }
  const draft: SchemaDraft = {
    name,
    namePosition,
    title: readOptionalKey(ctx, frontMatter, 'title') ?? name,
    description: readOptionalKey(ctx, frontMatter, 'description'),
    version: readOptionalKey(ctx, frontMatter, 'version'),
    definitions: readOptionalKey(ctx, frontMatter, 'definitions') ?? name,
    metadata,
    metadataLabels: formText === 'labels',
    fields: [],
    constants: [],
    maps: new Map(),
    dictionaries: [],
  }
  readBody(ctx, bodyStart, draft)
  return draft
}

/** Walks the headings: level 2 picks the section, level 3 the map or the dictionary's table. */
function readBody(ctx: FileContext, bodyStart: number, draft: SchemaDraft): void {
  const tree = parseMarkdownFrom(ctx.lines.text, bodyStart)
  let section: 'fields' | 'constants' | 'maps' | 'dictionary' | undefined
  let sub: 'constants' | 'overrides' | undefined
  let dictionary: DictionarySection | undefined
  let map: { name: string; position: SourcePosition; compare: MatchCompare; table: TableModel | undefined } | undefined
  const finishMap = (): void => {
    if (map) addMap(ctx, draft, map)
    map = undefined
  }
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      finishMap()
      sub = undefined
      dictionary = undefined
      const text = toText(node).trim()
      const title = normaliseHeader(text)
      const position = toSourcePosition(node.position)!
      if (node.depth === 1) section = undefined
      else if (title === 'fields') section = 'fields'
      else if (title === 'constants') section = 'constants'
      else if (title === 'value maps') section = 'maps'
      else if (/^dictionary\s+\S/i.test(text)) {
        section = 'dictionary'
        const id = text.replace(/^dictionary\s+/i, '').replace(/`/g, '').trim()
        if (draft.dictionaries.some((entry) => entry.id === id)) {
          schemaDocumentInvalid.report(ctx, 'sectionDuplicate', { id }, position)
          section = undefined
        } else {
          dictionary = { id, position, constants: [], overrides: [] }
          draft.dictionaries.push(dictionary)
        }
      } else {
        section = undefined
        schemaDocumentInvalid.report(ctx, 'section', { title: text }, position)
      }
      continue
    }
    if (node.type === 'heading') {
      const text = toText(node).trim()
      const position = toSourcePosition(node.position)!
      if (section === 'maps') {
        finishMap()
        map = { name: text.replace(/`/g, '').trim(), position, compare: 'exact', table: undefined }
      } else if (section === 'dictionary') {
        const title = normaliseHeader(text)
        sub = title === 'constants' ? 'constants' : title === 'overrides' ? 'overrides' : undefined
        if (!sub) schemaDocumentInvalid.report(ctx, 'subsection', { title: text, parent: `Dictionary ${dictionary?.id ?? ''}`, expected: 'Constants or Overrides' }, position)
      } else if (section) {
        schemaDocumentInvalid.report(ctx, 'subsection', { title: text, parent: section, expected: 'a table, no sub-sections' }, position)
      }
      continue
    }
    if (section === 'maps' && map && node.type === 'paragraph') {
      readCompare(ctx, node, map)
      continue
    }
    if (node.type !== 'table') continue
    const table = readTable(node as Table, ctx.lines.text)
    if (section === 'fields') draft.fields.push(...readCrosswalk(ctx, table, 'Fields'))
    else if (section === 'constants') draft.constants.push(...readConstants(ctx, table, 'Constants'))
    else if (section === 'maps' && map && !map.table) map.table = table
    else if (section === 'dictionary' && dictionary && sub === 'constants') dictionary.constants.push(...readConstants(ctx, table, `Dictionary ${dictionary.id} Constants`))
    else if (section === 'dictionary' && dictionary && sub === 'overrides') dictionary.overrides.push(...readCrosswalk(ctx, table, `Dictionary ${dictionary.id} Overrides`))
  }
  finishMap()
}

/** `compare: loose` (or `exact`) as a paragraph under a map's heading. */
function readCompare(ctx: FileContext, node: Paragraph, map: { compare: MatchCompare }): void {
  const text = toText(node as RootContent).trim()
  const match = /^compare\s*:\s*(\S*)\s*$/i.exec(text)
  if (!match) return
  const value = match[1]!.toLowerCase()
  if (value === 'loose' || value === 'exact') map.compare = value
  else schemaDocumentInvalid.report(ctx, 'compare', { value: match[1]! }, toSourcePosition(node.position))
}

function addMap(ctx: FileContext, draft: SchemaDraft, map: { name: string; position: SourcePosition; compare: MatchCompare; table: TableModel | undefined }): void {
  if (draft.maps.has(map.name)) {
    schemaDocumentInvalid.report(ctx, 'mapDuplicate', { name: map.name }, map.position)
    return
  }
  const entries: MapDraft['entries'][number][] = []
  let fallback: TargetValueIR | undefined
  let defaultCell: TableCell | undefined
  const columns = map.table ? columnsOf(ctx, map.table, MAP_COLUMNS, `value map ${map.name}`) : undefined
  if (map.table && columns) {
    const seen = new Set<string>()
    for (const row of map.table.rows) {
      const from = row.cells[columns[0]!]
      const to = row.cells[columns[1]!]
      if (!from || !to) continue
      const value = readTargetValue(ctx, to, true)
      if (value === undefined) continue
      if (from.raw === '*') {
        fallback = value
        defaultCell = to
        continue
      }
      const key = map.compare === 'loose' ? from.raw.replace(/\s+/gu, '').toLowerCase() : from.raw
      if (seen.has(key)) {
        schemaDocumentInvalid.report(ctx, 'entryDuplicate', { value: from.raw, name: map.name }, from.position)
        continue
      }
      seen.add(key)
      entries.push({ from: from.raw, to: value, cell: from, toCell: to })
    }
  }
  draft.maps.set(map.name, { name: map.name, position: map.position, compare: map.compare, entries, default: fallback, defaultCell })
}

/** The column indexes of a table's expected columns (matched by name, any order), or undefined with a message per missing one. */
function columnsOf(ctx: FileContext, table: TableModel, expected: readonly string[], label: string, optional: readonly string[] = []): (number | undefined)[] | undefined {
  const names = table.header.map((cell) => normaliseHeader(cell.text))
  const indexes = expected.map((name) => {
    const index = names.indexOf(name)
    return index < 0 ? undefined : index
  })
  const missing = expected.filter((name, i) => indexes[i] === undefined && !optional.includes(name))
  for (const name of missing) {
    schemaDocumentInvalid.report(ctx, 'column', { column: titleCase(name), table: label, expected: expected.map(titleCase).join(' | ') }, table.position)
  }
  return missing.length === 0 ? indexes : undefined
}

function titleCase(name: string): string {
  return name.replace(/\b\w/g, (letter) => letter.toUpperCase())
}

function readCrosswalk(ctx: FileContext, table: TableModel, label: string): CrosswalkRow[] {
  const columns = columnsOf(ctx, table, CROSSWALK_COLUMNS, label, ['value map'])
  if (!columns) return []
  const rows: CrosswalkRow[] = []
  for (const row of table.rows) {
    const expressionCell = row.cells[columns[0]!]
    const targetCell = row.cells[columns[1]!]
    const mapCell = columns[2] === undefined ? undefined : row.cells[columns[2]]
    if (!expressionCell || !targetCell) continue
    if (expressionCell.raw === '') {
      schemaDocumentInvalid.report(ctx, 'empty', { cell: 'Standard Name' }, expressionCell.position)
      continue
    }
    const parsed = parseExpression(expressionCell.raw)
    if (isProblem(parsed)) {
      reportExpression(ctx, expressionCell, parsed)
      continue
    }
    let target: readonly string[] | undefined
    if (targetCell.raw !== '-') {
      target = targetPath(targetCell.raw)
      if (!target) {
        schemaDocumentInvalid.report(ctx, 'target', { target: targetCell.raw }, targetCell.position)
        continue
      }
    }
    const mapName = mapCell && mapCell.raw !== '' ? mapCell.raw : undefined
    rows.push({ expression: parsed, expressionCell, target, targetCell, mapName, mapCell })
  }
  return rows
}

function reportExpression(ctx: FileContext, cell: TableCell, problem: Exclude<ReturnType<typeof parseExpression>, Expression>): void {
  if (problem.kind === 'syntax') {
    schemaDerivationInvalid.report(ctx, 'syntax', { found: problem.found, offset: problem.offset, text: cell.raw, expected: problem.expected }, cell.position)
  } else if (problem.kind === 'unknown') {
    schemaDerivationInvalid.report(ctx, 'unknown', { name: problem.name, known: Object.keys(DERIVATIONS).join(', ') }, cell.position)
  } else {
    schemaDerivationInvalid.report(ctx, 'arity', { count: problem.count, name: problem.name, expected: problem.expected }, cell.position)
  }
}

function readConstants(ctx: FileContext, table: TableModel, label: string): ConstantRow[] {
  const columns = columnsOf(ctx, table, CONSTANT_COLUMNS, label)
  if (!columns) return []
  const rows: ConstantRow[] = []
  for (const row of table.rows) {
    const targetCell = row.cells[columns[0]!]
    const valueCell = row.cells[columns[1]!]
    if (!targetCell || !valueCell) continue
    const target = targetPath(targetCell.raw)
    if (!target) {
      schemaDocumentInvalid.report(ctx, 'target', { target: targetCell.raw }, targetCell.position)
      continue
    }
    const value = readTargetValue(ctx, valueCell, false)
    if (value === undefined || !('value' in value)) continue
    rows.push({ target, targetCell, value: value.value, valueCell })
  }
  return rows
}

/** A Target Value / Value cell: `=` (keep the source value, maps only) or a YAML scalar or flow collection. */
function readTargetValue(ctx: FileContext, cell: TableCell, allowKeep: boolean): TargetValueIR | undefined {
  const text = cell.raw
  if (text === '') {
    schemaDocumentInvalid.report(ctx, 'empty', { cell: allowKeep ? 'Target Value' : 'Value' }, cell.position)
    return undefined
  }
  if (text === '=' && allowKeep) return { keep: true }
  try {
    const value = parseYaml(text, { schema: 'core', uniqueKeys: true, maxAliasCount: 0 }) as unknown
    if (value === undefined || !isJson(value)) throw new Error('not JSON data')
    return { value }
  } catch (error) {
    schemaDocumentInvalid.report(ctx, 'value', { value: text, problem: error instanceof Error ? error.message.split('\n')[0]!.replace(/:\s*$/, '') : String(error) }, cell.position)
    return undefined
  }
}

function isJson(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every(isJson)
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.entries(value).every(([key, item]) => !RESERVED_SEGMENTS.has(key) && isJson(item))
  return false
}

/** A dotted target path as segments, or undefined when a segment is empty or reserved. */
export function targetPath(text: string): string[] | undefined {
  const segments = text.trim().split('.')
  return segments.some((segment) => RESERVED_SEGMENTS.has(segment) || /\s/.test(segment)) ? undefined : segments
}
