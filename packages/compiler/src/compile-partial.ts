import type { FileContext } from './context.js'
import { readDataDictionaryRows, type RowDraft } from './data-dictionary.js'
import type { FrontMatter } from './front-matter.js'
import { repairGluedFences } from './markdown/glued-fence.js'
import { parseMarkdownFrom } from './markdown/parse.js'
import { findSection, sectionsOf } from './markdown/sections.js'
import { toText } from './markdown/to-text.js'
import { toSourcePosition } from './position.js'
import { readRequiredKey } from './rules/front-matter-required-key.js'
import { checkNesting } from './rules/markdown-too-deep.js'
import { reportDictionaryKeyInPartial, reportSectionInPartial } from './rules/partial-invalid.js'

/** Front matter keys that only a dictionary uses: in a partial they are ignored, and said so. */
const DICTIONARY_ONLY_KEYS = ['log.type', 'rule', 'match', 'match-compare', 'precedence']

/**
 * Reads a partial (`partial: true`): the rows of its Data Dictionary table, as
 * written. They are decided (paths, sample values) by each dictionary that
 * includes them, against that dictionary's sample; a partial is never a dictionary.
 */
export function compilePartial(ctx: FileContext, frontMatter: FrontMatter): RowDraft[] | undefined {
  readRequiredKey(ctx, frontMatter, 'title')
  for (const [name, entry] of frontMatter.keys) {
    if (DICTIONARY_ONLY_KEYS.includes(name) || name.endsWith('.rule')) reportDictionaryKeyInPartial(ctx, name, ctx.lines.position(entry.start, entry.end))
  }
  if (checkNesting(ctx, frontMatter.bodyStart)) return undefined
  const tree = parseMarkdownFrom(ctx.lines.text, frontMatter.bodyStart)
  repairGluedFences(ctx, tree)
  const sections = sectionsOf(tree)
  const sample = findSection(sections, 'event-json') ?? findSection(sections, 'event-types')
  if (sample) {
    reportSectionInPartial(ctx, toText(sample.heading), toSourcePosition(sample.heading.position))
  }
  return readDataDictionaryRows(ctx, tree, sections)
}
