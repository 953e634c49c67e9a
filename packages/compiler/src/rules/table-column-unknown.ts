import type { FileContext } from '../context.js'
import type { ColumnMap } from '../markdown/columns.js'
import { defineRule } from './rule.js'

export const tableColumnUnknown = defineRule({
  id: 'table-column-unknown',
  summary: 'A table column that mapdown does not read (it is ignored).',
  severity: 'info',
  messages: {
    unknown: 'Unexpected column `{{column}}` in the Data Dictionary header, expected one of Standard Name, Field Name, Type, Description, Sample Value; ignored',
  },
})

/** Notes each header cell that names no known column, or repeats one (`mapColumns` lists them). */
export function reportUnknownColumns(ctx: FileContext, columns: ColumnMap): void {
  for (const cell of columns.unknown) tableColumnUnknown.report(ctx, 'unknown', { column: cell.text }, cell.position)
}
