import { defineRule } from './rule.js'

export const fieldPathUnsafe = defineRule(
  'field-path-unsafe',
  'A Field Name holds a JSONPath script expression or a filter outside the safe grammar (calls, identifiers, `constructor`...).',
)
