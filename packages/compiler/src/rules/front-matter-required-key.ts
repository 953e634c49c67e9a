import type { FileContext } from '../context.js'
import type { FrontMatter } from '../front-matter.js'
import { describeValue, scalarText } from '../front-matter-values.js'
import { defineRule } from './rule.js'

export const frontMatterRequiredKey = defineRule({
  id: 'front-matter-required-key',
  summary: 'A required front matter key (`log.type`, the rule name, `title`) is missing or not a string.',
  docs: 'A required front matter key (`log.type`, the rule name, `title`) is missing or not a string. `log.type` and the rule name make the dictionary id (errors); a missing `title` falls back to the rule name (a warning).',
  severity: 'error',
  messages: {
    emptyFrontMatter: 'Unexpected empty front matter, expected `title`, `log.type` and a rule name',
    missingKey: 'Missing `{{key}}` in front matter, expected a string',
    missingTitle: { text: 'Missing `{{key}}` in front matter, expected a string', severity: 'warning' },
    notStringKey: 'Unexpected {{found}} for `{{key}}` in front matter, expected a non-empty string',
    notStringTitle: { text: 'Unexpected {{found}} for `{{key}}` in front matter, expected a non-empty string', severity: 'warning' },
  },
})

export function reportEmptyFrontMatter(ctx: FileContext): void {
  frontMatterRequiredKey.report(ctx, 'emptyFrontMatter', {}, { line: 1, column: 1 })
}

/**
 * The value of a required key as text, or null (reported). `title` is only
 * a warning: the rule name stands in for it.
 */
export function readRequiredKey(ctx: FileContext, frontMatter: FrontMatter, key: string): string | null {
  const isTitle = key === 'title'
  const entry = frontMatter.keys.get(key)
  if (!entry) {
    frontMatterRequiredKey.report(ctx, isTitle ? 'missingTitle' : 'missingKey', { key }, { start: ctx.lines.point(0), end: ctx.lines.point(3) })
    return null
  }
  const value = scalarText(entry.value)
  if (value === null || value === '') {
    const place = ctx.lines.position(entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1))
    frontMatterRequiredKey.report(ctx, isTitle ? 'notStringTitle' : 'notStringKey', { key, found: describeValue(entry.value) }, place)
    return null
  }
  return value
}
