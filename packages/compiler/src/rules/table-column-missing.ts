import { defineRule } from './rule.js'

export const tableColumnMissing = defineRule(
  'table-column-missing',
  'A required column (Standard Name, Field Name, Type) is missing from a table header.',
)
