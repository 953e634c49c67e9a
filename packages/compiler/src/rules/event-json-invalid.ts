import { defineRule } from './rule.js'

export const eventJsonInvalid = defineRule(
  'event-json-invalid',
  'The Event JSON code block is not valid JSON (the position is that of the error in the markdown file).',
)
