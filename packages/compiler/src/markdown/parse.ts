import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkGfm)

/**
 * Parsed trees kept by the text parsed, most recently used last. Parsing is
 * most of a compilation, and a process that compiles again (`mapdown check
 * --watch`, the playground) mostly compiles the same texts: the library
 * around the one file being edited. The cache holds at most MAX_CACHED_CHARS
 * of text (about ten times the shipped library's; the trees take several
 * times as much memory as their text).
 */
const cache = new Map<string, Root>()
const MAX_CACHED_CHARS = 2 * 1024 * 1024
let cachedChars = 0

/**
 * Parses the part of `text` from `from` on as markdown, with positions in `text`.
 *
 * Everything before `from` is blanked (each character but line endings becomes
 * a space) instead of cut off, so lines, columns and offsets in the tree are
 * those of the original file: front matter and repaired fences never shift them.
 *
 * The tree is the caller's to change (the glued-fence repair does): each call
 * gets its own copy, a tenth of the cost of parsing.
 */
export function parseMarkdownFrom(text: string, from: number): Root {
  const masked = from <= 0 ? text : text.slice(0, from).replace(/[^\r\n]/g, ' ') + text.slice(from)
  let tree = cache.get(masked)
  if (tree === undefined) {
    tree = processor.parse(masked)
    remember(masked, tree)
  } else {
    cache.delete(masked)
    cache.set(masked, tree)
  }
  return structuredClone(tree)
}

function remember(text: string, tree: Root): void {
  if (text.length > MAX_CACHED_CHARS) return
  cache.set(text, tree)
  cachedChars += text.length
  for (const [oldest] of cache) {
    if (cachedChars <= MAX_CACHED_CHARS) break
    cache.delete(oldest)
    cachedChars -= oldest.length
  }
}
