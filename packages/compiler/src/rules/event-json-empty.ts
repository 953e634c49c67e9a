import { defineRule } from './rule.js'

export const eventJsonEmpty = defineRule(
  'event-json-empty',
  'The Event JSON code block is empty.',
)
