import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const frontMatterMissing = defineRule({
  id: 'front-matter-missing',
  summary: 'The file does not start with a `---` YAML front matter block, so it names no log type or rule.',
  severity: 'error',
  messages: {
    missing: 'Missing front matter, expected a `---` YAML block with `title`, `log.type` and a rule name',
  },
})

/** gray-matter's own test: `---` at the very start, not followed by another `-`. Returns false (and reports) without it. */
export function checkFrontMatterPresent(ctx: FileContext): boolean {
  const text = ctx.lines.text
  if (text.startsWith('---') && text.charAt(3) !== '-') return true
  frontMatterMissing.report(ctx, 'missing', {}, { line: 1, column: 1 })
  return false
}
