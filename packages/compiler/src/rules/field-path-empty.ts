import { defineRule } from './rule.js'

export const fieldPathEmpty = defineRule(
  'field-path-empty',
  'A Data Dictionary row has no Field Name.',
)
