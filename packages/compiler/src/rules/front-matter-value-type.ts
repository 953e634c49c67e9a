import { defineRule } from './rule.js'

export const frontMatterValueType = defineRule(
  'front-matter-value-type',
  'An optional front matter key (`description`, `author`, `date`, version) holds a list or a mapping instead of a scalar.',
)
