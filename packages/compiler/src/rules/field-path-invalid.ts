import { defineRule } from './rule.js'

export const fieldPathInvalid = defineRule(
  'field-path-invalid',
  'A Field Name is neither a dotted name nor a valid JSONPath.',
)
