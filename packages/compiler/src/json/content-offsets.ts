/** The file's text, by 1-based line, as `LineIndex` gives it. */
export interface FileLines {
  lineText(line: number): string
  lineStart(line: number): number
}

/**
 * Maps an offset in a fenced block's value to an offset in the original file.
 * Content line `i` is file line `firstLine + i`; the fence's indentation (if
 * any) was stripped from it, which comparing the two lines recovers.
 *
 * Linear overall: the line of an offset is found by binary search, and each
 * line's indentation is worked out once, on first use. (It was worked out on
 * every call, comparing the whole line: a sample of one 429 KB line with 40k
 * keys took 153 s.)
 */
export function contentOffsetMapper(value: string, firstLine: number, lines: FileLines): (offset: number) => number {
  const lineStarts: number[] = [0]
  for (let index = 0; index < value.length; index++) if (value.charCodeAt(index) === 10) lineStarts.push(index + 1)
  const indents = new Map<number, number>()

  const indentOf = (line: number): number => {
    const known = indents.get(line)
    if (known !== undefined) return known
    const start = lineStarts[line] ?? 0
    const end = line + 1 < lineStarts.length ? (lineStarts[line + 1] ?? 0) - 1 : value.length
    const contentLine = value.slice(start, end)
    const original = lines.lineText(firstLine + line)
    let indent = 0
    while (indent < 3 && original[indent] === ' ' && !original.startsWith(contentLine, indent)) indent++
    if (!original.startsWith(contentLine, indent)) indent = 0
    indents.set(line, indent)
    return indent
  }

  return (offset: number): number => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lineStarts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return lines.lineStart(firstLine + low) + indentOf(low) + (offset - (lineStarts[low] ?? 0))
  }
}
