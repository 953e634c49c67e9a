import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm)

/**
 * Parses the part of `text` from `from` on as markdown, with positions in `text`.
 *
 * Everything before `from` is blanked (each character but line endings becomes
 * a space) instead of cut off, so lines, columns and offsets in the tree are
 * those of the original file: front matter and repaired fences never shift them.
 */
export function parseMarkdownFrom(text: string, from: number): Root {
  const masked = from <= 0 ? text : text.slice(0, from).replace(/[^\r\n]/g, ' ') + text.slice(from)
  return processor.parse(masked)
}
