/**
 * The main thread's share of framing with worker threads: cut the input at
 * its last newline per chunk and nothing more. No line is decoded, counted or
 * copied here, except the short tail after a chunk's last newline, which is
 * carried to the next block. Threads frame blocks with line numbers relative
 * to the block and return how many lines it had; `LineNumbering` makes them
 * absolute as results are consumed in input order.
 *
 * A line too long for the limit is never held whole: once the carried tail
 * exceeds the limit, the line is framed here as it streams (its head kept,
 * the rest dropped up to its newline).
 */
import { NdjsonSplitter, type NdjsonLine } from '@mapdown/engine'
import type { Framer } from './framing.js'

export type Block =
  /**
   * Whole lines (the last may lack its newline at the end of the input), as
   * pieces to frame one after the other: the carried start of the first line,
   * then the rest. Each piece's buffer is the block's own, safe to transfer.
   */
  | { readonly kind: 'block'; readonly pieces: readonly Uint8Array[]; readonly startsInput: boolean }
  /** One line too long for the limit, framed here (a `line_too_long` error), numbered as `frameBlock` numbers. */
  | { readonly kind: 'lines'; readonly lines: NdjsonLine[]; readonly lineCount: number; readonly firstLineNo: number; readonly startsInput: boolean }

export interface BlockCutterOptions {
  readonly maxLineBytes: number
  /**
   * True when the chunks pushed are the cutter's to keep: each one a buffer of
   * its own that nothing else reads or writes afterwards (a file read stream's
   * chunks). They then become blocks as they are, without a copy. Otherwise
   * chunks are copied, gathered into blocks of about `blockBytes`.
   */
  readonly ownsChunks: boolean
  readonly blockBytes: number
}

const NEWLINE = 10

/**
 * The first line number a block is framed with: 1 at the start of an input,
 * 2 elsewhere, so that a BOM is removed only from the first line of an input,
 * as one splitter over the whole input does.
 */
export function blockFirstLineNo(startsInput: boolean): number {
  return startsInput ? 1 : 2
}

export class BlockCutter implements Framer<Block> {
  readonly #options: BlockCutterOptions
  /** Copies of the bytes after the last newline seen: the start of the current line. */
  #carry: Uint8Array[] = []
  #carryBytes = 0
  /** Lines waiting to become a block (copies), when chunks cannot be kept as they are. */
  #gathered: Uint8Array[] = []
  #gatheredBytes = 0
  /** No block has been cut yet: the next one starts the input. */
  #atInputStart = true
  /** Frames the current line once it is known to be too long (keeps its head only). */
  #long: NdjsonSplitter | undefined
  #longStartsInput = false

  constructor(options: BlockCutterOptions) {
    this.#options = options
  }

  push(chunk: Uint8Array): Block[] {
    const out: Block[] = []
    let start = 0
    if (this.#long !== undefined) {
      const newline = chunk.indexOf(NEWLINE)
      if (newline === -1) {
        this.#long.push(chunk)
        return out
      }
      this.#endLong(out, this.#long.push(chunk.subarray(0, newline + 1)))
      start = newline + 1
    }
    const last = chunk.lastIndexOf(NEWLINE)
    if (last >= start) {
      const body = chunk.subarray(start, last + 1)
      if (this.#options.ownsChunks && ownsWholeBuffer(chunk)) {
        this.#flushGathered(out)
        const head = this.#takeCarry()
        out.push(this.#block(head === undefined ? [body] : [head, body]))
      } else {
        const head = this.#takeCarry()
        if (head !== undefined) this.#gather(head)
        this.#gather(copyOf(body))
        if (this.#gatheredBytes >= this.#options.blockBytes) this.#flushGathered(out)
      }
      start = last + 1
    }
    if (start < chunk.length) {
      this.#carry.push(copyOf(chunk.subarray(start)))
      this.#carryBytes += chunk.length - start
      // Over the limit even without a final `\r`: frame it here, keeping only its head.
      if (this.#carryBytes > this.#options.maxLineBytes + 1) this.#startLong(out)
    }
    return out
  }

  end(): Block[] {
    const out: Block[] = []
    if (this.#long !== undefined) {
      this.#endLong(out, [])
      return out
    }
    const head = this.#takeCarry()
    if (head !== undefined) this.#gather(head)
    this.#flushGathered(out)
    return out
  }

  #block(pieces: Uint8Array[]): Block {
    const startsInput = this.#atInputStart
    this.#atInputStart = false
    return { kind: 'block', pieces, startsInput }
  }

  #gather(piece: Uint8Array): void {
    this.#gathered.push(piece)
    this.#gatheredBytes += piece.length
  }

  #flushGathered(out: Block[]): void {
    if (this.#gatheredBytes === 0) return
    out.push(this.#block([join(this.#gathered, this.#gatheredBytes)]))
    this.#gathered = []
    this.#gatheredBytes = 0
  }

  /** The carried start of the current line as one piece of its own, or undefined when there is none. */
  #takeCarry(): Uint8Array | undefined {
    if (this.#carryBytes === 0) return undefined
    const head = join(this.#carry, this.#carryBytes)
    this.#carry = []
    this.#carryBytes = 0
    return head
  }

  #startLong(out: Block[]): void {
    this.#flushGathered(out)
    this.#longStartsInput = this.#atInputStart
    this.#atInputStart = false
    this.#long = new NdjsonSplitter({ maxLineBytes: this.#options.maxLineBytes, firstLineNo: blockFirstLineNo(this.#longStartsInput) })
    for (const piece of this.#carry) this.#long.push(piece)
    this.#carry = []
    this.#carryBytes = 0
  }

  /** Ends the over-long line; `lines` is what the splitter gave for its last piece. */
  #endLong(out: Block[], lines: NdjsonLine[]): void {
    const long = this.#long as NdjsonSplitter
    for (const line of long.end()) lines.push(line)
    this.#long = undefined
    out.push({
      kind: 'lines',
      lines,
      lineCount: long.lineCount,
      firstLineNo: blockFirstLineNo(this.#longStartsInput),
      startsInput: this.#longStartsInput,
    })
  }
}

/** True when `chunk` spans its whole buffer (not a slice of a pool or of a larger buffer). */
function ownsWholeBuffer(chunk: Uint8Array): boolean {
  return chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && !(chunk.buffer instanceof SharedArrayBuffer)
}

/** A copy in a buffer of its own (`Buffer#slice`, unlike `Uint8Array#slice`, would not copy). */
function copyOf(view: Uint8Array): Uint8Array {
  return new Uint8Array(view)
}

/** One buffer of its own holding `pieces`, in order. */
function join(pieces: readonly Uint8Array[], bytes: number): Uint8Array {
  if (pieces.length === 1) return pieces[0] as Uint8Array
  const joined = new Uint8Array(bytes)
  let offset = 0
  for (const piece of pieces) {
    joined.set(piece, offset)
    offset += piece.length
  }
  return joined
}
