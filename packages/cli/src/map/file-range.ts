/**
 * Byte ranges of a regular file, read and framed by the worker threads
 * themselves (`--workers N` on an uncompressed file): the main thread only
 * plans the ranges, orders the results and writes them, so it stays out of
 * the hot path.
 *
 * A range [start, end) owns the lines that start in it, read to their end
 * even past `end`: the thread skips the partial line it starts in (it belongs
 * to the range before) and finishes the line that crosses `end`. Every line
 * of the file therefore lands in exactly one range, whatever the cut points,
 * and one splitter per range frames it as one splitter over the whole file
 * does (`blockFirstLineNo`: the BOM is removed only at the start of the file;
 * line numbers are relative, made absolute by `LineNumbering`).
 *
 * Memory stays flat however long a line is: a thread reads a fixed-size
 * buffer at a time and the splitter keeps only the head of an over-long line;
 * a range that starts inside a line scans at most its own bytes for the
 * newline that ends it.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { NdjsonSplitter, type NdjsonLine } from '@mapdown/engine'
import { blockFirstLineNo } from './block-cutter.js'
import type { FramedBlock } from './block-framing.js'

export interface FileRange {
  readonly kind: 'range'
  /** The path to open (the input's name as given; threads share the working folder). */
  readonly path: string
  readonly start: number
  readonly end: number
  /** The file's last range: read to the end of the file, whatever its size when planned. */
  readonly last: boolean
  readonly startsInput: boolean
}

const NEWLINE = 10
/** How much is read at a time while looking for the first line of a range: lines are short, a probe usually suffices. */
const PROBE_BYTES = 64 << 10

/** The ranges of a file of `size` bytes, `rangeBytes` each (the last one shorter). */
export function* fileRanges(path: string, size: number, rangeBytes: number): Generator<FileRange> {
  for (let start = 0; start < size; start += rangeBytes) {
    const end = Math.min(size, start + rangeBytes)
    yield { kind: 'range', path, start, end, last: end === size, startsInput: start === 0 }
  }
}

/**
 * Reads and frames the lines of `range`. `buffer` is the thread's own read
 * buffer, reused from range to range (the splitter copies what it keeps).
 * Read errors are thrown as the file system reports them.
 */
export function frameRange(range: FileRange, maxLineBytes: number, buffer: Buffer): FramedBlock {
  const firstLineNo = blockFirstLineNo(range.startsInput)
  const fd = openSync(range.path, 'r')
  try {
    const begin = lineStart(fd, range, buffer)
    if (begin === undefined) return { lines: [], firstLineNo, lineCount: 0 }
    const splitter = new NdjsonSplitter({ maxLineBytes, firstLineNo })
    let lines: NdjsonLine[] = []
    const add = (framed: NdjsonLine[]) => {
      if (lines.length === 0) lines = framed
      else for (const line of framed) lines.push(line)
    }
    let position = begin
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, position)
      if (read === 0) break
      const chunk = buffer.subarray(0, read)
      if (!range.last && position + read >= range.end) {
        // The line that holds byte end - 1 is this range's last: stop at its newline.
        const newline = chunk.indexOf(NEWLINE, Math.max(0, range.end - 1 - position))
        if (newline !== -1) {
          add(splitter.push(chunk.subarray(0, newline + 1)))
          break
        }
      }
      add(splitter.push(chunk))
      position += read
    }
    add(splitter.end())
    return { lines, firstLineNo, lineCount: splitter.lineCount }
  } finally {
    closeSync(fd)
  }
}

/**
 * Where the first line that starts in the range begins, or undefined when no
 * line starts in it (the range lies inside a line that began before it).
 */
function lineStart(fd: number, range: FileRange, buffer: Buffer): number | undefined {
  if (range.start === 0) return 0
  // From the byte before the range: a newline there means a line starts at `start`.
  let position = range.start - 1
  while (position < range.end - 1) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, PROBE_BYTES, range.end - 1 - position), position)
    if (read === 0) return undefined
    const newline = buffer.subarray(0, read).indexOf(NEWLINE)
    if (newline !== -1) return position + newline + 1
    position += read
  }
  return undefined
}
