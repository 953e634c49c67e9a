import type { SourcePosition } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { COLUMN_LABELS, REQUIRED_COLUMNS, type ColumnMap } from '../markdown/columns.js'
import { defineRule } from './rule.js'

export const tableColumnMissing = defineRule({
  id: 'table-column-missing',
  summary: 'A required column (Standard Name, Field Name, Type) is missing from a table header.',
  severity: 'error',
  messages: {
    missing: 'Missing column `{{column}}` in the Data Dictionary header, expected `Standard Name | Field Name | Type | Description | Sample Value` in any order',
  },
})

/** Reports each required column the header lacks; returns false when one is missing (the rows cannot be read). */
export function checkRequiredColumns(ctx: FileContext, columns: ColumnMap, header: SourcePosition): boolean {
  const missing = REQUIRED_COLUMNS.filter((key) => columns.index[key] === undefined)
  for (const key of missing) tableColumnMissing.report(ctx, 'missing', { column: COLUMN_LABELS[key] }, header)
  return missing.length === 0
}
