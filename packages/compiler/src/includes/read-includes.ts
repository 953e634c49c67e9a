import type { SourcePosition } from '@mapdown/ir'
import { dirname, join, normalize } from 'pathe'
import type { FileContext } from '../context.js'
import type { FrontMatter } from '../front-matter.js'
import { describeValue } from '../front-matter-values.js'
import { includeInvalid } from '../rules/include-invalid.js'
import { reportPartialFlag } from '../rules/partial-invalid.js'

/** One `include:` entry: the path as written, the file it names (relative to the working folder, `/`-separated) and where it was written. */
export interface IncludeRef {
  text: string
  target: string
  position: SourcePosition
}

/**
 * Reads `include:` (a path or a list of paths, relative to the including
 * file) from front matter. `path` is the including file's own path, relative
 * to the working folder. Bad entries are reported and left out.
 */
export function readIncludes(ctx: FileContext, frontMatter: FrontMatter, path: string): IncludeRef[] {
  const entry = frontMatter.keys.get('include')
  if (!entry || entry.value === null || entry.value === undefined) return []
  const valuePosition = ctx.lines.position(entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1))
  const items: unknown[] = Array.isArray(entry.value) ? entry.value : [entry.value]
  const refs: IncludeRef[] = []
  let searchFrom = entry.valueStart
  for (const item of items) {
    if (typeof item !== 'string' || item.trim() === '') {
      includeInvalid.report(ctx, 'notPath', { found: describe(item) }, valuePosition)
      continue
    }
    const text = item.trim()
    // Point at the entry itself when it can be found in the value's text (lists hold several).
    const at = ctx.lines.text.slice(0, entry.valueEnd).indexOf(text, searchFrom)
    const position = at === -1 ? valuePosition : ctx.lines.position(at, at + text.length)
    if (at !== -1) searchFrom = at + text.length
    if (text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text) || text.includes('\\')) {
      includeInvalid.report(ctx, 'notRelative', { path: text }, position)
      continue
    }
    refs.push({ text, target: normalize(join(dirname(path), text)), position })
  }
  return refs
}

/** Whether front matter declares a partial (`partial: true`); any other value of `partial` is reported. */
export function readPartialFlag(ctx: FileContext, frontMatter: FrontMatter): boolean {
  const entry = frontMatter.keys.get('partial')
  if (!entry || entry.value === null || entry.value === undefined) return false
  if (typeof entry.value === 'boolean') return entry.value
  reportPartialFlag(ctx, describe(entry.value), ctx.lines.position(entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1)))
  return false
}

/** What a value is, for a message: `number \`42\``, `string \`yes\``, else as front matter values are described. */
function describe(value: unknown): string {
  if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number' || typeof value === 'boolean') return `${typeof value} \`${String(value)}\``
  return describeValue(value)
}
