import { datePatternProblem } from '@mapdown/engine'
import type { DateArgument, FieldType, SourcePosition } from '@mapdown/ir'
import type { Root, Table } from 'mdast'
import type { FileContext } from './context.js'
import type { FieldDraft } from './field-draft.js'
import { COLUMN_LABELS, mapColumns, type ColumnKey } from './markdown/columns.js'
import { findSection, type Section } from './markdown/sections.js'
import { readTable, type TableCell, type TableModel, type TableRow } from './markdown/tables.js'
import { readFieldPath, type PathDraft } from './paths/field-path.js'
import { decidePath } from './paths/decide.js'
import { lookup } from './paths/resolve.js'
import { toSourcePosition } from './position.js'
import { dataDictionaryMissing } from './rules/data-dictionary-missing.js'
import { fieldPathEmpty } from './rules/field-path-empty.js'
import { fieldPathInvalid } from './rules/field-path-invalid.js'
import { fieldPathUnsafe } from './rules/field-path-unsafe.js'
import { fieldTypeArgument } from './rules/field-type-argument.js'
import { reportUnknownType } from './rules/field-type-unknown.js'
import { reportAbsentPath } from './rules/sample-path-absent.js'
import { checkSampleValues } from './rules/sample-value-type.js'
import { checkDuplicateStandardNames } from './rules/standard-name-duplicate.js'
import { checkStandardName } from './rules/standard-name-invalid.js'
import { tableColumnMissing } from './rules/table-column-missing.js'
import { tableColumnUnknown } from './rules/table-column-unknown.js'
import { tableRowCells } from './rules/table-row-cells.js'
import { inferType } from './types/infer-type.js'
import { readTypeCell, typeLabel } from './types/field-type.js'

const REQUIRED: readonly ColumnKey[] = ['standardName', 'fieldName', 'type']

/** The Data Dictionary table: under its heading, else the first table with the three required columns. */
export function findDataDictionaryTable(tree: Root, sections: readonly Section[], source: string): TableModel | undefined {
  const section = findSection(sections, 'data-dictionary')
  const inSection = section?.nodes.find((node): node is Table => node.type === 'table')
  if (inSection) return readTable(inSection, source)
  for (const node of tree.children) {
    if (node.type !== 'table') continue
    const table = readTable(node, source)
    const { index } = mapColumns(table.header)
    if (REQUIRED.every((key) => index[key] !== undefined)) return table
  }
  return undefined
}

interface RowDraft {
  nameCell: TableCell
  pathCell: TableCell
  path: PathDraft
  typed: { type: FieldType; dateArgument: DateArgument | undefined } | undefined
  description: string
  sampleValueCell: TableCell | undefined
  position: SourcePosition
}

/**
 * Reads the Data Dictionary into fields, deciding dotted paths against the
 * sample and checking sample values. Returns undefined when there is nothing
 * to map (already reported as errors); rows with errors are reported and left out.
 */
export function readDataDictionary(ctx: FileContext, tree: Root, sections: readonly Section[], sample: Record<string, unknown> | undefined): FieldDraft[] | undefined {
  const table = findDataDictionaryTable(tree, sections, ctx.lines.text)
  if (!table) {
    const section = findSection(sections, 'data-dictionary')
    ctx.report(
      dataDictionaryMissing,
      'error',
      section
        ? 'Missing table under the Data Dictionary heading, expected `Standard Name | Field Name | Type | Description | Sample Value`'
        : 'Missing Data Dictionary table, expected a `Data Dictionary` heading with a `Standard Name | Field Name | Type | Description | Sample Value` table',
      section ? toSourcePosition(section.heading.position) : { line: 1, column: 1 },
    )
    return undefined
  }
  const columns = mapColumns(table.header)
  const headerPosition = table.rows.length > 0 || table.header.length > 0 ? headerRowPosition(table) : table.position
  const missing = REQUIRED.filter((key) => columns.index[key] === undefined)
  for (const key of missing) {
    ctx.report(
      tableColumnMissing,
      'error',
      `Missing column \`${COLUMN_LABELS[key]}\` in the Data Dictionary header, expected \`Standard Name | Field Name | Type | Description | Sample Value\` in any order`,
      headerPosition,
    )
  }
  for (const cell of columns.unknown) {
    ctx.report(tableColumnUnknown, 'info', `Unexpected column \`${cell.text}\` in the Data Dictionary header, expected one of Standard Name, Field Name, Type, Description, Sample Value; ignored`, cell.position)
  }
  if (missing.length > 0) return undefined

  const rows: RowDraft[] = []
  for (const row of table.rows) {
    const draft = readRow(ctx, row, columns.index, table.header.length)
    if (draft) rows.push(draft)
  }
  checkDuplicateStandardNames(
    ctx,
    rows.map((row) => row.nameCell),
  )

  const fields: FieldDraft[] = []
  for (const row of rows) {
    const field = decideField(ctx, row, sample)
    if (field) fields.push(field)
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
  let cellAt = (key: ColumnKey): TableCell | undefined => {
    const at = index[key]
    return at === undefined ? undefined : row.cells[at]
  }
  // Names, paths and types are read as written, not as rendered markdown.
  const asWritten = (cell: TableCell | undefined): TableCell | undefined => (cell ? { ...cell, text: cell.raw } : undefined)
  const nameCell = asWritten(cellAt('standardName')) ?? empty(index.standardName)
  const label = nameCell.text === '' ? `on line ${row.position.start.line}` : `\`${nameCell.text}\``
  let typeMissing = false

  if (row.cells.length > headerLength) {
    ctx.report(tableRowCells, 'warning', `Unexpected ${row.cells.length} cells in row ${label}, expected ${headerLength} as in the header; extra cells ignored`, row.cells[headerLength]?.position ?? row.position)
  } else if (row.cells.length < headerLength) {
    const typeIndex = index.type ?? 0
    const typeText = row.cells[typeIndex]?.text
    const typeCellFits = typeText !== undefined && readTypeCell(typeText).ok
    if (typeText === undefined) {
      typeMissing = true
      ctx.report(tableRowCells, 'warning', `Unexpected ${row.cells.length} cells in row ${label}, expected ${headerLength} as in the header; the \`Type\` cell is missing, so the type is taken from the sample event`, row.position)
    } else if (!typeCellFits && looksLikeProse(typeText)) {
      // The Type cell was left out and every later cell moved one column left:
      // read each column after Type from the cell before it.
      typeMissing = true
      const shifted = cellAt
      cellAt = (key: ColumnKey): TableCell | undefined => {
        const at = index[key]
        if (at === undefined) return undefined
        if (at === typeIndex) return undefined
        return at > typeIndex ? row.cells[at - 1] : shifted(key)
      }
      ctx.report(
        tableRowCells,
        'warning',
        `Unexpected ${row.cells.length} cells in row ${label}, expected ${headerLength} as in the header: the \`Type\` cell looks left out (\`${abbreviate(typeText)}\` is not a type), so the cells after it are read one column to the right and the type is taken from the sample event`,
        row.position,
        { note: 'Add the missing Type cell to make the row explicit.' },
      )
    } else {
      const absent = (Object.keys(index) as ColumnKey[]).filter((key) => (index[key] ?? 0) >= row.cells.length).map((key) => `\`${COLUMN_LABELS[key]}\``)
      ctx.report(tableRowCells, 'warning', `Unexpected ${row.cells.length} cells in row ${label}, expected ${headerLength} as in the header; ${absent.join(', ') || 'the missing cells'} read as empty`, row.position)
    }
  }

  const nameOk = checkStandardName(ctx, nameCell)
  const pathCell = asWritten(cellAt('fieldName')) ?? empty(index.fieldName)
  const path = readFieldPath(pathCell.text)
  let pathOk = true
  if (!path.ok) {
    pathOk = false
    const rule = path.problem === 'empty' ? fieldPathEmpty : path.problem === 'unsafe' ? fieldPathUnsafe : fieldPathInvalid
    const start = cellTextStart(ctx, pathCell, path.offset)
    ctx.report(rule, 'error', `${path.reason} (Field Name of ${label})`, start ?? pathCell.position, {
      ...(path.problem === 'unsafe' ? { note: 'Script expressions and filters beyond comparisons of `@` paths and literals are refused: dictionaries must never run code.' } : {}),
    })
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
      const patternProblem = typeof result.dateArgument === 'object' ? datePatternProblem(result.dateArgument.pattern) : undefined
      if (patternProblem !== undefined) {
        // The engine refuses this IR (createEngine), and would backtrack on it: an error here, not at `mapdown map` time.
        typeOk = false
        ctx.report(fieldTypeArgument, 'error', `Unexpected date pattern \`${typeof result.dateArgument === 'object' ? result.dateArgument.pattern : ''}\`: ${patternProblem}`, typeCell.position)
      }
      if (result.ignoredArgument !== undefined) {
        ctx.report(fieldTypeArgument, 'warning', `Unexpected argument \`${result.ignoredArgument}\` for type \`${result.type}\`, expected none (only \`date\` takes one); ignored`, typeCell.position)
      }
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
function decideField(ctx: FileContext, row: RowDraft, sample: Record<string, unknown> | undefined): FieldDraft | undefined {
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
      ctx.report(
        tableRowCells,
        'error',
        `Missing type for \`${draft.name}\`, expected a Type cell: ${
          found?.found ? `the sample value ${JSON.stringify(found.value)?.slice(0, 40)} suggests no type` : 'the sample event has no value at its path to take one from'
        }`,
        row.position,
      )
      return undefined
    }
    draft.type = inferred.type
    draft.dateArgument = inferred.dateArgument
    ctx.report(
      tableRowCells,
      'info',
      `Inferred type \`${typeLabel(inferred.type, inferred.dateArgument)}\` for \`${draft.name}\` from the sample value ${JSON.stringify(found?.found ? found.value : null)}`,
      row.pathCell.position,
    )
  }
  checkSampleValues(ctx, draft, sample)
  return draft
}

function looksLikeProse(text: string): boolean {
  return /\s/.test(text.trim()) || text.length > 24
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
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
