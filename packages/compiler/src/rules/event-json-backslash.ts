import { defineRule } from './rule.js'

export const eventJsonBackslash = defineRule(
  'event-json-backslash',
  'The Event JSON has backslashes that start no JSON escape (Windows paths); they are doubled and the sample is read.',
)
