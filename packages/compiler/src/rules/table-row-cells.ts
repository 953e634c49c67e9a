import { defineRule } from './rule.js'

export const tableRowCells = defineRule(
  'table-row-cells',
  'A row has fewer or more cells than its header; shifted rows (a left-out Type cell) are recovered with the type of the sample value.',
)
