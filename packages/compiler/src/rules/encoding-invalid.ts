import { defineRule } from './rule.js'

export const encodingInvalid = defineRule(
  'encoding-invalid',
  'The file is not valid UTF-8; invalid bytes are read as U+FFFD.',
)
