import { defineRule } from './rule.js'

export const eventJsonMissing = defineRule(
  'event-json-missing',
  'No Event JSON code block: paths and routing cannot be checked against a sample event.',
)
