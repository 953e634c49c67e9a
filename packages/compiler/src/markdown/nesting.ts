/**
 * A bound on block nesting, checked before the markdown parser runs.
 *
 * micromark re-checks every open container (block quote, list item) on every
 * line, and recurses per level when building the tree: 10,000 nested block
 * quotes overflow its stack, and lists nested 1,000 deep by indentation take
 * tens of seconds. A dictionary needs a few levels, so a file that may nest
 * deeper than `MAX_BLOCK_NESTING` is refused without being parsed.
 */
export const MAX_BLOCK_NESTING = 32

export interface DeepNesting {
  /** Offsets of the line's container prefix in the text. */
  start: number
  end: number
  /** An upper bound of the nesting depth on that line. */
  depth: number
}

const TAB = 9
const SPACE = 32
const GREATER_THAN = 62

/**
 * The first line (from offset `from`) whose leading markers could open more
 * than `limit` levels, or undefined.
 *
 * Upper bound of a line's depth: each `>` or list marker on the line is at
 * most one level, and each level opened on an earlier line needs at least
 * two blank columns here (the content offset of a list item is at least its
 * marker and one blank), counting a tab as four. A line can only open a level when its prefix covers every level
 * above it, so the deepest line of a file is never deeper than its bound: no
 * file that passes nests deeper.
 */
export function findDeepNesting(text: string, from: number, limit = MAX_BLOCK_NESTING): DeepNesting | undefined {
  let start = from
  while (start < text.length) {
    const { depth, end } = prefixDepth(text, start)
    if (depth > limit) return { start, end, depth }
    const newline = text.indexOf('\n', end)
    if (newline === -1) return undefined
    start = newline + 1
  }
  return undefined
}

/**
 * Walks the container prefix of the line at `start`: blanks, `>`, and list
 * markers followed by a blank. A line without a marker opens no container
 * (it continues open ones, which an earlier line opened and was counted on),
 * so its depth is 0: deep indentation in an Event JSON sample is not nesting.
 */
function prefixDepth(text: string, start: number): { depth: number; end: number } {
  let quotes = 0
  let markers = 0
  let blanks = 0
  let index = start
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code === GREATER_THAN) {
      quotes++
      index++
    } else if (code === SPACE || code === TAB) {
      blanks += code === TAB ? 4 : 1
      index++
    } else {
      const marker = listMarkerLength(text, index)
      if (marker === 0) break
      markers++
      index += marker
    }
  }
  if (quotes === 0 && markers === 0) return { depth: 0, end: index }
  return { depth: quotes + markers + Math.floor(blanks / 2), end: index }
}

/** The length of a list item marker at `index` (`-`, `*`, `+`, or 1-9 digits and `.` or `)`) followed by a blank or the line end; else 0. */
function listMarkerLength(text: string, index: number): number {
  let end = index
  const code = text.charCodeAt(index)
  if (code === 45 || code === 42 || code === 43) {
    end = index + 1
  } else {
    while (end - index < 9 && isDigit(text.charCodeAt(end))) end++
    if (end === index) return 0
    const after = text.charCodeAt(end)
    if (after !== 46 && after !== 41) return 0
    end++
  }
  const next = text.charCodeAt(end)
  return next === SPACE || next === TAB || next === 10 || next === 13 || Number.isNaN(next) ? end - index : 0
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
