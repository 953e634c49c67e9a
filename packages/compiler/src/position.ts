import type { SourcePoint, SourcePosition } from '@mapdown/ir'

/**
 * Turns offsets in a file's text into 1-based line/column points.
 * Every position the compiler reports goes through one index built from the
 * ORIGINAL file, so positions never drift after front matter or fence repairs.
 */
export class LineIndex {
  readonly #lineStarts: number[]
  readonly text: string

  constructor(text: string) {
    this.text = text
    const starts = [0]
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1)
    }
    this.#lineStarts = starts
  }

  get lineCount(): number {
    return this.#lineStarts.length
  }

  point(offset: number): SourcePoint {
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    let low = 0
    let high = this.#lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.#lineStarts[middle] ?? 0) <= clamped) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: clamped - (this.#lineStarts[low] ?? 0) + 1 }
  }

  position(start: number, end: number): SourcePosition {
    return { start: this.point(start), end: this.point(end) }
  }

  /** Offset of the first character of a 1-based line (the text length past the last line). */
  lineStart(line: number): number {
    return this.#lineStarts[line - 1] ?? this.text.length
  }

  /** The text of a 1-based line, without its line ending. */
  lineText(line: number): string {
    const start = this.lineStart(line)
    const next = this.#lineStarts[line]
    const end = next === undefined ? this.text.length : next - 1
    const raw = this.text.slice(start, end)
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw
  }

  offset(point: SourcePoint): number {
    return this.lineStart(point.line) + point.column - 1
  }
}

/** Copies a unist position into the IR's shape (no offsets, which depend on line endings). */
export function toSourcePosition(position: { start: SourcePoint; end?: SourcePoint } | undefined): SourcePosition | undefined {
  if (!position) return undefined
  const start = { line: position.start.line, column: position.start.column }
  return position.end ? { start, end: { line: position.end.line, column: position.end.column } } : { start }
}
