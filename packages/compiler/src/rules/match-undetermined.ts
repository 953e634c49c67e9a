import { defineRule } from './rule.js'

export const matchUndetermined = defineRule(
  'match-undetermined',
  'No match predicate could be derived (no `match:`, no usable Event Types table, sample event or common root of the field paths).',
)
