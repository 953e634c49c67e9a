import type { DateArgument, FieldType, SourcePosition } from '@mapdown/ir'
import type { Root, Table } from 'mdast'
import type { FileContext } from './context.js'
import type { FieldDraft } from './field-draft.js'
import { mapColumns, REQUIRED_COLUMNS, type ColumnKey } from './markdown/columns.js'
import { findSection, type Section } from './markdown/sections.js'
import { readTable, type TableCell, type TableModel, type TableRow } from './markdown/tables.js'
import { readFieldPath, type PathDraft } from './paths/field-path.js'
import { decidePath } from './paths/decide.js'
import { lookup } from './paths/resolve.js'
import { toSourcePosition } from './position.js'
import { reportMissingDataDictionary } from './rules/data-dictionary-missing.js'
import { reportFieldPathProblem } from './rules/field-path-invalid.js'
import { checkTypeArgument } from './rules/field-type-argument.js'
import { reportUnknownType } from './rules/field-type-unknown.js'
import { reportAbsentPath } from './rules/sample-path-absent.js'
import { checkSampleValueMatches } from './rules/sample-value-mismatch.js'
import { checkSampleValues } from './rules/sample-value-type.js'
import { checkDuplicateStandardNames } from './rules/standard-name-duplicate.js'
import { checkStandardName } from './rules/standard-name-invalid.js'
import { checkRequiredColumns } from './rules/table-column-missing.js'
import { reportUnknownColumns } from './rules/table-column-unknown.js'
import { checkRowCells, reportTypeInferred, reportTypeNotInferred } from './rules/table-row-cells.js'
import { inferType } from './types/infer-type.js'
import { readTypeCell, typeLabel } from './types/field-type.js'

/** The Data Dictionary table: under its heading, else the first table with the three required columns. */
export function findDataDictionaryTable(tree: Root, sections: readonly Section[], source: string): TableModel | undefined {
  const section = findSection(sections, 'data-dictionary')
  const inSection = section?.nodes.find((node): node is Table => node.type === 'table')
  if (inSection) return readTable(inSection, source)
  for (const node of tree.children) {
    if (node.type !== 'table') continue
    const table = readTable(node, source)
    const { index } = mapColumns(table.header)
    if (REQUIRED_COLUMNS.every((key) => index[key] !== undefined)) return table
  }
  return undefined
}

export interface RowDraft {
  nameCell: TableCell
  pathCell: TableCell
  path: PathDraft
  typed: { type: FieldType; dateArgument: DateArgument | undefined } | undefined
  description: string
  sampleValueCell: TableCell | undefined
  position: SourcePosition
}

/** Rows read from one file's Data Dictionary, with the context that reports on that file. */
export interface RowSet {
  ctx: FileContext
  rows: readonly RowDraft[]
  /** The file the rows were written in, when they were included from a partial. */
  source?: string
}

/**
 * Reads the Data Dictionary into fields, deciding dotted paths against the
 * sample and checking sample values. Rows included from partials (`included`)
 * come first, each reported in its own file. Returns undefined when there is
 * nothing to map (already reported as errors); rows with errors are reported and left out.
 */
export function readDataDictionary(
  ctx: FileContext,
  tree: Root,
  sections: readonly Section[],
  sample: Record<string, unknown> | undefined,
  included: readonly RowSet[] = [],
): FieldDraft[] | undefined {
  const rows = readDataDictionaryRows(ctx, tree, sections)
  if (!rows) return undefined
  return decideFields([...included, { ctx, rows }], sample)
}

/**
 * Reads the rows of a file's Data Dictionary table, as written (nothing is
 * decided against a sample yet). Returns undefined when there is no usable table.
 */
export function readDataDictionaryRows(ctx: FileContext, tree: Root, sections: readonly Section[]): RowDraft[] | undefined {
  const table = findDataDictionaryTable(tree, sections, ctx.lines.text)
  if (!table) {
    reportMissingDataDictionary(ctx, findSection(sections, 'data-dictionary'))
    return undefined
  }
  const columns = mapColumns(table.header)
  const headerPosition = table.rows.length > 0 || table.header.length > 0 ? headerRowPosition(table) : table.position
  const complete = checkRequiredColumns(ctx, columns, headerPosition)
  reportUnknownColumns(ctx, columns)
  if (!complete) return undefined

  const rows: RowDraft[] = []
  for (const row of table.rows) {
    const draft = readRow(ctx, row, columns.index, table.header.length)
    if (draft) rows.push(draft)
  }
  return rows
}

/** Decides every row of every set against the sample, after checking Standard Names are unique across all of them. */
export function decideFields(sets: readonly RowSet[], sample: Record<string, unknown> | undefined): FieldDraft[] {
  checkDuplicateStandardNames(sets.flatMap((set) => set.rows.map((row) => ({ ctx: set.ctx, cell: row.nameCell, source: set.source }))))
  const fields: FieldDraft[] = []
  for (const set of sets) {
    for (const row of set.rows) {
      const field = decideField(set.ctx, row, sample, set.source !== undefined)
      if (!field) continue
      if (set.source !== undefined) field.source = set.source
      fields.push(field)
    }
  }
  return fields
}

function headerRowPosition(table: TableModel): SourcePosition {
  const first = table.header[0]
  const last = table.header[table.header.length - 1]
  return first && last ? { start: first.position.start, ...(last.position.end ? { end: last.position.end } : {}) } : table.position
}

function readRow(ctx: FileContext, row: TableRow, index: Partial<Record<ColumnKey, number>>, headerLength: number): RowDraft | undefined {
  const empty = (at: number | undefined): TableCell => ({ text: '', raw: '', position: row.cells[at ?? -1]?.position ?? row.position })
  const cellOf = (key: ColumnKey): TableCell | undefined => {
    const at = index[key]
    return at === undefined ? undefined : row.cells[at]
  }
  // Names, paths and types are read as written, not as rendered markdown.
  const asWritten = (cell: TableCell | undefined): TableCell | undefined => (cell ? { ...cell, text: cell.raw } : undefined)
  const nameCell = asWritten(cellOf('standardName')) ?? empty(index.standardName)
  const label = nameCell.text === '' ? `on line ${row.position.start.line}` : `\`${nameCell.text}\``
  const { typeMissing, cellAt } = checkRowCells(ctx, row, index, headerLength, label, cellOf)

  const nameOk = checkStandardName(ctx, nameCell)
  const pathCell = asWritten(cellAt('fieldName')) ?? empty(index.fieldName)
  const path = readFieldPath(pathCell.text)
  let pathOk = true
  if (!path.ok) {
    pathOk = false
    reportFieldPathProblem(ctx, path, label, cellTextStart(ctx, pathCell, path.offset) ?? pathCell.position)
  }

  let typed: RowDraft['typed']
  let typeOk = true
  if (!typeMissing) {
    const typeCell = asWritten(cellAt('type')) ?? empty(index.type)
    const result = readTypeCell(typeCell.text)
    if (!result.ok) {
      typeOk = false
      reportUnknownType(ctx, typeCell, result.name, nameCell.text || label)
    } else {
      typed = { type: result.type, dateArgument: result.dateArgument }
      typeOk = checkTypeArgument(ctx, result, typeCell)
    }
  }

  if (!nameOk || !pathOk || !path.ok || !typeOk) return undefined
  return {
    nameCell,
    pathCell,
    path: path.draft,
    typed,
    description: cellAt('description')?.text ?? '',
    sampleValueCell: cellAt('sampleValue'),
    position: row.position,
  }
}

/** Decides a dotted path against the sample, infers a missing type, checks sample values. */
function decideField(ctx: FileContext, row: RowDraft, sample: Record<string, unknown> | undefined, included: boolean): FieldDraft | undefined {
  const decided = decidePath(row.path, sample)
  const { path } = decided
  const absent = sample !== undefined && !decided.foundInSample
  const sampleValueText = row.sampleValueCell?.text ?? ''
  const draft: FieldDraft = {
    name: row.nameCell.text,
    nameCell: row.nameCell,
    path,
    pathCell: row.pathCell,
    type: row.typed?.type ?? 'string',
    dateArgument: row.typed?.dateArgument,
    typeInferred: row.typed === undefined,
    description: row.description,
    sampleValue: sampleValueText === '' ? null : sampleValueText,
    sampleValueCell: row.sampleValueCell,
    position: row.position,
  }
  if (absent) reportAbsentPath(ctx, draft)

  if (row.typed === undefined) {
    const found = sample === undefined ? undefined : lookup(sample, path)
    const inferred = found?.found ? inferType(found.value) : undefined
    if (!inferred) {
      reportTypeNotInferred(ctx, draft.name, found, row.position)
      return undefined
    }
    draft.type = inferred.type
    draft.dateArgument = inferred.dateArgument
    reportTypeInferred(ctx, draft.name, typeLabel(inferred.type, inferred.dateArgument), found?.found ? found.value : null, row.pathCell.position)
  }
  checkSampleValues(ctx, draft, sample)
  // A partial's Sample Value stands for every dictionary that includes it, so it cannot be any one sample's value.
  if (!included) checkSampleValueMatches(ctx, draft, sample)
  return draft
}

/** The point `offset` characters into a cell's text (cells are trimmed, so find the text in the line). */
function cellTextStart(ctx: FileContext, cell: TableCell, offset: number): SourcePosition | undefined {
  const start = ctx.lines.offset(cell.position.start)
  const end = cell.position.end ? ctx.lines.offset(cell.position.end) : start
  const at = ctx.lines.text.slice(start, end).indexOf(cell.text)
  if (at === -1 || cell.text === '') return undefined
  const from = start + at + Math.min(offset, cell.text.length)
  return ctx.lines.position(from, start + at + cell.text.length)
}
