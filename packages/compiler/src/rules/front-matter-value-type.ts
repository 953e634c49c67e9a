import type { FileContext } from '../context.js'
import type { FrontMatter } from '../front-matter.js'
import { describeValue, scalarText } from '../front-matter-values.js'
import { defineRule } from './rule.js'

export const frontMatterValueType = defineRule({
  id: 'front-matter-value-type',
  summary: 'An optional front matter key (`description`, `author`, `date`, version) holds a list or a mapping instead of a scalar.',
  severity: 'warning',
  messages: {
    notScalar: 'Unexpected {{found}} for `{{key}}` in front matter, expected a string; ignored',
  },
})

/** The value of an optional key as text; null when absent, empty or not a scalar (reported, ignored). */
export function readOptionalKey(ctx: FileContext, frontMatter: FrontMatter, key: string): string | null {
  const entry = frontMatter.keys.get(key)
  if (!entry || entry.value === null || entry.value === undefined) return null
  const value = scalarText(entry.value)
  if (value === null) {
    const place = ctx.lines.position(entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1))
    frontMatterValueType.report(ctx, 'notScalar', { key, found: describeValue(entry.value) }, place)
  }
  return value
}
