import { defineRule } from './rule.js'

export const frontMatterRequiredKey = defineRule(
  'front-matter-required-key',
  'A required front matter key (`log.type`, the rule name, `title`) is missing or not a string.',
)
