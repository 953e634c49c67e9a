import { defineRule } from './rule.js'

export const eventJsonNotObject = defineRule(
  'event-json-not-object',
  'The Event JSON is valid JSON but not an object, so it cannot be a raw event.',
)
