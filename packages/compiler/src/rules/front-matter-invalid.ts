import { defineRule } from './rule.js'

export const frontMatterInvalid = defineRule(
  'front-matter-invalid',
  'The front matter is not valid, safe YAML: syntax errors, duplicate keys, alias bombs, another language, no closing `---`, not a mapping.',
)
