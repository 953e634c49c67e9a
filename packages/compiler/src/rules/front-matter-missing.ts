import { defineRule } from './rule.js'

export const frontMatterMissing = defineRule(
  'front-matter-missing',
  'The file does not start with a `---` YAML front matter block, so it names no log type or rule.',
)
