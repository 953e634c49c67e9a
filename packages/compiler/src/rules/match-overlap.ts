import { defineRule } from './rule.js'

export const matchOverlap = defineRule(
  'match-overlap',
  "Two dictionaries' match predicates cannot tell their events apart (the paths one constrains are a subset of the other's, with compatible values).",
)
