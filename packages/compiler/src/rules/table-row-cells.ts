import type { SourcePosition } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { COLUMN_LABELS, type ColumnKey } from '../markdown/columns.js'
import type { TableCell, TableRow } from '../markdown/tables.js'
import type { Lookup } from '../paths/resolve.js'
import { readTypeCell } from '../types/field-type.js'
import { defineRule } from './rule.js'

export const tableRowCells = defineRule({
  id: 'table-row-cells',
  summary: 'A row has fewer or more cells than its header; shifted rows (a left-out Type cell) are recovered with the type of the sample value.',
  severity: 'warning',
  messages: {
    extraCells: 'Unexpected {{count}} cells in row {{row}}, expected {{expected}} as in the header; extra cells ignored',
    typeCellMissing: 'Unexpected {{count}} cells in row {{row}}, expected {{expected}} as in the header; the `Type` cell is missing, so the type is taken from the sample event',
    typeLeftOut: {
      text: 'Unexpected {{count}} cells in row {{row}}, expected {{expected}} as in the header: the `Type` cell looks left out (`{{typeText}}` is not a type), so the cells after it are read one column to the right and the type is taken from the sample event',
      note: 'Add the missing Type cell to make the row explicit.',
    },
    cellsMissing: 'Unexpected {{count}} cells in row {{row}}, expected {{expected}} as in the header; {{absent}} read as empty',
    typeNotInferred: { text: 'Missing type for `{{name}}`, expected a Type cell: {{why}}', severity: 'error' },
    typeInferred: { text: 'Inferred type `{{type}}` for `{{name}}` from the sample value {{value}}', severity: 'info' },
  },
})

export type CellAt = (key: ColumnKey) => TableCell | undefined

/**
 * Checks a row's cell count against the header. A row short of its Type cell
 * is recovered: when the cell in the Type column reads as prose, the Type cell
 * was left out and every later cell moved one column left, so each column
 * after Type is read from the cell before it. Returns how to read the row's
 * cells and whether the type must come from the sample event.
 */
export function checkRowCells(
  ctx: FileContext,
  row: TableRow,
  index: Partial<Record<ColumnKey, number>>,
  headerLength: number,
  label: string,
  cellAt: CellAt,
): { typeMissing: boolean; cellAt: CellAt } {
  const counts = { count: row.cells.length, row: label, expected: headerLength }
  if (row.cells.length > headerLength) {
    tableRowCells.report(ctx, 'extraCells', counts, row.cells[headerLength]?.position ?? row.position)
    return { typeMissing: false, cellAt }
  }
  if (row.cells.length === headerLength) return { typeMissing: false, cellAt }
  const typeIndex = index.type ?? 0
  const typeText = row.cells[typeIndex]?.text
  if (typeText === undefined) {
    tableRowCells.report(ctx, 'typeCellMissing', counts, row.position)
    return { typeMissing: true, cellAt }
  }
  if (!readTypeCell(typeText).ok && looksLikeProse(typeText)) {
    const shifted: CellAt = (key) => {
      const at = index[key]
      if (at === undefined) return undefined
      if (at === typeIndex) return undefined
      return at > typeIndex ? row.cells[at - 1] : cellAt(key)
    }
    tableRowCells.report(ctx, 'typeLeftOut', { ...counts, typeText: abbreviate(typeText) }, row.position)
    return { typeMissing: true, cellAt: shifted }
  }
  const absent = (Object.keys(index) as ColumnKey[]).filter((key) => (index[key] ?? 0) >= row.cells.length).map((key) => `\`${COLUMN_LABELS[key]}\``)
  tableRowCells.report(ctx, 'cellsMissing', { ...counts, absent: absent.join(', ') || 'the missing cells' }, row.position)
  return { typeMissing: false, cellAt }
}

/** A row without a Type cell whose sample value suggests no type (or that has none): the field is left out. */
export function reportTypeNotInferred(ctx: FileContext, name: string, found: Lookup | undefined, place: SourcePosition): void {
  const why = found?.found ? `the sample value ${JSON.stringify(found.value)?.slice(0, 40)} suggests no type` : 'the sample event has no value at its path to take one from'
  tableRowCells.report(ctx, 'typeNotInferred', { name, why }, place)
}

/** Says which type a row without a Type cell was given, from its sample value. */
export function reportTypeInferred(ctx: FileContext, name: string, type: string, value: unknown, place: SourcePosition): void {
  tableRowCells.report(ctx, 'typeInferred', { name, type, value: String(JSON.stringify(value)) }, place)
}

function looksLikeProse(text: string): boolean {
  return /\s/.test(text.trim()) || text.length > 24
}

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}
