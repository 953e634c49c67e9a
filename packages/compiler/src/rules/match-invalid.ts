import { defineRule } from './rule.js'

export const matchInvalid = defineRule(
  'match-invalid',
  'The front matter `match:` is not a field path or a mapping of field paths to values.',
)
