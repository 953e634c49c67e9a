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

/** How many lines a range gave, for `LineNumbering` (see `FramedBlock`). */
export type RangeLines = Omit<FramedBlock, 'lines'>

/**
 * Bytes of a range framed at a time (cut after a newline when there is one):
 * each piece's lines are handed over, and mapped, before the next piece is
 * framed, so that a thread holds a few dozen lines at a time instead of the
 * whole range (what is alive is what each young-generation collection copies).
 */
export const FRAME_PIECE_BYTES = 64 << 10

/** A range could not be read: the file system's error, as `cause`. */
export class RangeReadError extends Error {
  readonly code: string | undefined

  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.code = (cause as NodeJS.ErrnoException | undefined)?.code
  }
}

/**
 * Reads and frames the lines of `range`, handing them to `onLines` piece by
 * piece (`pieceBytes` of input at a time), in order. `buffer` is the thread's
 * own read buffer, reused from range to range (the splitter copies what it
 * keeps). Read errors are thrown as `RangeReadError`; errors of `onLines`
 * pass through as they are.
 */
export function readRange(
  range: FileRange,
  maxLineBytes: number,
  buffer: Buffer,
  onLines: (lines: NdjsonLine[]) => void,
  pieceBytes: number = FRAME_PIECE_BYTES,
): RangeLines {
  const firstLineNo = blockFirstLineNo(range.startsInput)
  const fd = fileSystem(() => openSync(range.path, 'r'))
  try {
    const begin = fileSystem(() => lineStart(fd, range, buffer))
    if (begin === undefined) return { firstLineNo, lineCount: 0 }
    const splitter = new NdjsonSplitter({ maxLineBytes, firstLineNo })
    const push = (chunk: Buffer) => {
      for (let start = 0; start < chunk.length; ) {
        const end = pieceEnd(chunk, start, pieceBytes)
        const lines = splitter.push(chunk.subarray(start, end))
        if (lines.length > 0) onLines(lines)
        start = end
      }
    }
    let position = begin
    for (;;) {
      const read = fileSystem(() => readSync(fd, buffer, 0, buffer.length, position))
      if (read === 0) break
      const chunk = buffer.subarray(0, read)
      if (!range.last && position + read >= range.end) {
        // The line that holds byte end - 1 is this range's last: stop at its newline.
        const newline = chunk.indexOf(NEWLINE, Math.max(0, range.end - 1 - position))
        if (newline !== -1) {
          push(chunk.subarray(0, newline + 1))
          break
        }
      }
      push(chunk)
      position += read
    }
    const last = splitter.end()
    if (last.length > 0) onLines(last)
    return { firstLineNo, lineCount: splitter.lineCount }
  } finally {
    closeSync(fd)
  }
}

/** Where the piece of `chunk` that begins at `start` ends: after its last newline within `pieceBytes`, or at `pieceBytes` when it has none. */
function pieceEnd(chunk: Buffer, start: number, pieceBytes: number): number {
  const limit = start + pieceBytes
  if (limit >= chunk.length) return chunk.length
  const newline = chunk.lastIndexOf(NEWLINE, limit - 1)
  return newline >= start ? newline + 1 : limit
}

function fileSystem<T>(call: () => T): T {
  try {
    return call()
  } catch (error) {
    throw new RangeReadError(error)
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
