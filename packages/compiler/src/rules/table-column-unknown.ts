import { defineRule } from './rule.js'

export const tableColumnUnknown = defineRule(
  'table-column-unknown',
  'A table column that mapdown does not read (it is ignored).',
)
