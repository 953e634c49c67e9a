import { defineRule } from './rule.js'

export const markdownTooDeep = defineRule(
  'markdown-too-deep',
  "Block quotes or lists nested deeper than any dictionary needs (32 levels); the markdown is not read, so that parsing it cannot exhaust the parser's stack (10,000 nested block quotes did) or spend minutes on lists nested hundreds deep.",
)
