import { Buffer, isUtf8 } from 'node:buffer'
import { DEFAULT_MAX_LINE_BYTES, LINE_HEAD_BYTES, type NdjsonLine, type NdjsonSplitterOptions } from './line.js'

const NEWLINE = 10
const CARRIAGE_RETURN = 13
const BYTE_ORDER_MARK = 0xfeff

/**
 * Splits a byte stream into NDJSON lines, synchronously, chunk by chunk.
 *
 * - Lines may be split anywhere across chunks (even inside a UTF-8 sequence).
 * - `\n` ends a line; one `\r` before it is removed; a BOM at the start of the
 *   stream is removed.
 * - Blank (whitespace-only) lines are skipped but still counted: `lineNo` is
 *   1-based, as editors count.
 * - A line longer than `maxLineBytes` is never buffered whole: its first
 *   bytes are kept for `raw`, the rest is counted and dropped up to the newline.
 * - Invalid UTF-8 is reported, never silently replaced.
 *
 * Speed matters (it is on the CLI's hot path): newlines are found with
 * `Buffer#indexOf`, and the complete lines of a chunk are validated as UTF-8
 * in one native call (a newline byte never occurs inside a multi-byte
 * sequence, so a valid region splits into valid lines).
 */
export class NdjsonSplitter {
  readonly #maxLineBytes: number
  readonly #firstLineNo: number
  #lineNo = 0
  /** Copies of the bytes of the current, unfinished line. */
  #pending: Buffer[] = []
  #pendingBytes = 0
  /** The head of the current line once it is known to be too long; undefined otherwise. */
  #overflowHead: Buffer | undefined
  /** The last byte seen of the current line, to tell a dropped `\r` from content. */
  #lastByte = -1
  #ended = false

  constructor(options: NdjsonSplitterOptions = {}) {
    const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES
    if (!Number.isSafeInteger(max) || max < 1) {
      throw new RangeError(`Unexpected maxLineBytes ${String(max)}, expected a positive integer`)
    }
    this.#maxLineBytes = max
    const first = options.firstLineNo ?? 1
    if (!Number.isSafeInteger(first) || first < 1) {
      throw new RangeError(`Unexpected firstLineNo ${String(first)}, expected a positive integer`)
    }
    this.#firstLineNo = first
    this.#lineNo = first - 1
  }

  /**
   * The number of lines completed so far, blank and rejected ones included
   * (a line without its newline counts once `end()` has framed it). With
   * pieces of a stream cut at newlines, it is how far the next piece's line
   * numbers start after this one's.
   */
  get lineCount(): number {
    return this.#lineNo - (this.#firstLineNo - 1)
  }

  /** The lines completed by this chunk. */
  push(chunk: Uint8Array): NdjsonLine[] {
    if (this.#ended) throw new Error('Unexpected push after end() on an NdjsonSplitter')
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    const lines: NdjsonLine[] = []
    let newline = buffer.indexOf(NEWLINE)
    if (newline === -1) {
      this.#accumulate(buffer, 0, buffer.length)
      return lines
    }
    let start = 0
    if (this.#pendingBytes > 0 || this.#overflowHead !== undefined) {
      this.#accumulate(buffer, 0, newline)
      this.#finishPending(lines)
      start = newline + 1
      newline = buffer.indexOf(NEWLINE, start)
    }
    if (newline !== -1) {
      const last = buffer.lastIndexOf(NEWLINE)
      const valid = isUtf8(buffer.subarray(start, last))
      while (newline !== -1) {
        this.#emit(buffer, start, newline, valid, lines)
        start = newline + 1
        newline = buffer.indexOf(NEWLINE, start)
      }
    }
    if (start < buffer.length) this.#accumulate(buffer, start, buffer.length)
    return lines
  }

  /** The last line, when the input did not end with a newline. */
  end(): NdjsonLine[] {
    if (this.#ended) return []
    this.#ended = true
    const lines: NdjsonLine[] = []
    if (this.#pendingBytes > 0 || this.#overflowHead !== undefined) this.#finishPending(lines)
    return lines
  }

  #accumulate(buffer: Buffer, start: number, end: number): void {
    if (start === end) return
    this.#pendingBytes += end - start
    this.#lastByte = buffer[end - 1]!
    const head = this.#overflowHead
    if (head !== undefined) {
      // Complete the head so that `raw` is the same however the line was chunked.
      if (head.length < LINE_HEAD_BYTES) {
        this.#overflowHead = Buffer.concat([head, buffer.subarray(start, Math.min(end, start + LINE_HEAD_BYTES - head.length))])
      }
      return
    }
    // Copy: the caller may reuse its chunk.
    this.#pending.push(Buffer.from(buffer.subarray(start, end)))
    // +1: the line's last byte may turn out to be the `\r` of its line ending.
    if (this.#pendingBytes > this.#maxLineBytes + 1) {
      this.#overflowHead = Buffer.from(Buffer.concat(this.#pending).subarray(0, LINE_HEAD_BYTES))
      this.#pending = []
    }
  }

  #finishPending(lines: NdjsonLine[]): void {
    const head = this.#overflowHead
    if (head === undefined) {
      const whole = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending)
      this.#pending = []
      this.#pendingBytes = 0
      this.#emit(whole, 0, whole.length, false, lines)
      return
    }
    const bytes = this.#pendingBytes - (this.#lastByte === CARRIAGE_RETURN ? 1 : 0)
    this.#overflowHead = undefined
    this.#pendingBytes = 0
    this.#lineNo += 1
    lines.push(this.#tooLong(this.#lineNo, bytes, head, 0, Math.min(head.length, bytes)))
  }

  /** One complete line: `buffer[start, end)` without its `\n`. */
  #emit(buffer: Buffer, start: number, end: number, knownValid: boolean, lines: NdjsonLine[]): void {
    const lineNo = ++this.#lineNo
    if (end > start && buffer[end - 1] === CARRIAGE_RETURN) end -= 1
    if (end - start > this.#maxLineBytes) {
      lines.push(this.#tooLong(lineNo, end - start, buffer, start, Math.min(end, start + LINE_HEAD_BYTES)))
      return
    }
    let text = buffer.toString('utf8', start, end)
    if (lineNo === 1 && text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1)
    if (!knownValid && !isUtf8(buffer.subarray(start, end))) {
      lines.push({ lineNo, error: 'invalid_utf8', message: `Unexpected invalid UTF-8 on line ${lineNo}, expected UTF-8 text`, raw: text })
      return
    }
    if (isBlank(text)) return
    lines.push({ lineNo, text })
  }

  #tooLong(lineNo: number, bytes: number, buffer: Buffer, start: number, end: number): NdjsonLine {
    let raw = buffer.toString('utf8', start, end)
    if (lineNo === 1 && raw.charCodeAt(0) === BYTE_ORDER_MARK) raw = raw.slice(1)
    return {
      lineNo,
      error: 'line_too_long',
      message: `Unexpected line ${lineNo} of ${bytes} bytes, expected at most ${this.#maxLineBytes} bytes`,
      raw,
    }
  }
}

/** JSON's whitespace: space, tab, CR, LF. The first character decides for almost every line. */
function isBlank(text: string): boolean {
  if (text.length === 0) return true
  const first = text.charCodeAt(0)
  if (first !== 32 && first !== 9 && first !== 13 && first !== 10) return false
  return /^[ \t\r\n]*$/.test(text)
}
