/**
 * Framing: turning input chunks into units of work for an executor.
 *
 * - In-process (`--workers 1`), `LineBatcher` frames lines with one
 *   `NdjsonSplitter` per input and groups them into batches.
 * - With threads, `BlockCutter` only cuts the bytes at newlines into blocks
 *   of whole lines, counting lines as it goes; each thread frames its blocks
 *   with an `NdjsonSplitter` started at the block's first line number. The
 *   main thread thus never decodes a line, and every line is framed as it
 *   would be in one pass (the splitter's `firstLineNo` guarantees it).
 *   A line too long to fit a block is framed on the main thread, which keeps
 *   only its head, so memory stays bounded whatever the input.
 */
import { Buffer } from 'node:buffer'
import { NdjsonSplitter, type NdjsonLine } from '@mapdown/engine'

export interface Framer<W> {
  push(chunk: Uint8Array): W[]
  end(): W[]
}

/** Lines framed in-process, in batches of about `batchBytes` of input. */
export class LineBatcher implements Framer<NdjsonLine[]> {
  private readonly splitter: NdjsonSplitter
  private readonly batchBytes: number
  private batch: NdjsonLine[] = []
  private bytes = 0

  constructor(maxLineBytes: number, batchBytes: number) {
    this.splitter = new NdjsonSplitter({ maxLineBytes })
    this.batchBytes = batchBytes
  }

  push(chunk: Uint8Array): NdjsonLine[][] {
    const lines = this.splitter.push(chunk)
    // Appending in a loop: spreading a huge array into push() overflows the stack.
    if (this.batch.length === 0) this.batch = lines
    else for (const line of lines) this.batch.push(line)
    this.bytes += chunk.byteLength
    return this.bytes >= this.batchBytes ? this.take() : []
  }

  end(): NdjsonLine[][] {
    for (const line of this.splitter.end()) this.batch.push(line)
    return this.take()
  }

  private take(): NdjsonLine[][] {
    const batch = this.batch
    this.batch = []
    this.bytes = 0
    return batch.length === 0 ? [] : [batch]
  }
}

export type Block =
  /** Whole lines (the last may lack its newline at the end of the input), in a buffer of its own (transferable). */
  | { readonly kind: 'block'; readonly bytes: Uint8Array; readonly firstLineNo: number }
  /** A line too long for a block, already framed (as a `line_too_long` error). */
  | { readonly kind: 'lines'; readonly lines: NdjsonLine[] }

const NEWLINE = 10

/** Cuts a byte stream at newlines into blocks of about `blockBytes`. */
export class BlockCutter implements Framer<Block> {
  private readonly maxLineBytes: number
  private readonly blockBytes: number
  /** Regions of whole lines waiting to become a block. */
  private pieces: Buffer[] = []
  private piecesBytes = 0
  private piecesFirstLineNo = 1
  /** The bytes of the current, unfinished line. */
  private partial: Buffer[] = []
  private partialBytes = 0
  /** The number of the line `partial` belongs to. */
  private lineNo = 1
  /** Frames the current line once it is known to be too long (keeps its head only). */
  private long: NdjsonSplitter | undefined

  constructor(maxLineBytes: number, blockBytes: number) {
    this.maxLineBytes = maxLineBytes
    this.blockBytes = blockBytes
  }

  push(chunk: Uint8Array): Block[] {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    const out: Block[] = []
    let start = 0
    if (this.long !== undefined) {
      const newline = buffer.indexOf(NEWLINE)
      if (newline === -1) {
        this.long.push(buffer)
        return out
      }
      out.push({ kind: 'lines', lines: this.long.push(buffer.subarray(0, newline + 1)) })
      this.long = undefined
      this.lineNo += 1
      start = newline + 1
    }
    const last = buffer.lastIndexOf(NEWLINE)
    if (last >= start) {
      if (this.piecesBytes === 0) this.piecesFirstLineNo = this.lineNo
      for (const piece of this.partial) this.addPiece(piece)
      this.partial = []
      this.partialBytes = 0
      this.addPiece(buffer.subarray(start, last + 1))
      this.lineNo += countNewlines(buffer, start, last + 1)
      start = last + 1
      if (this.piecesBytes >= this.blockBytes) this.flush(out)
    }
    if (start < buffer.length) {
      this.partial.push(buffer.subarray(start))
      this.partialBytes += buffer.length - start
      // Over the limit even without a final `\r`: frame it here, keeping only its head.
      if (this.partialBytes > this.maxLineBytes + 1) this.startLong(out)
    }
    return out
  }

  end(): Block[] {
    const out: Block[] = []
    if (this.long !== undefined) {
      out.push({ kind: 'lines', lines: this.long.end() })
      this.long = undefined
      return out
    }
    if (this.partialBytes > 0) {
      if (this.piecesBytes === 0) this.piecesFirstLineNo = this.lineNo
      for (const piece of this.partial) this.addPiece(piece)
      this.partial = []
      this.partialBytes = 0
    }
    this.flush(out)
    return out
  }

  private addPiece(piece: Buffer): void {
    this.pieces.push(piece)
    this.piecesBytes += piece.length
  }

  /** Copies the pending pieces into a block with a buffer of its own, safe to transfer to a thread. */
  private flush(out: Block[]): void {
    if (this.piecesBytes === 0) return
    const bytes = new Uint8Array(this.piecesBytes)
    let offset = 0
    for (const piece of this.pieces) {
      bytes.set(piece, offset)
      offset += piece.length
    }
    out.push({ kind: 'block', bytes, firstLineNo: this.piecesFirstLineNo })
    this.pieces = []
    this.piecesBytes = 0
  }

  private startLong(out: Block[]): void {
    this.flush(out)
    this.long = new NdjsonSplitter({ maxLineBytes: this.maxLineBytes, firstLineNo: this.lineNo })
    for (const piece of this.partial) this.long.push(piece)
    this.partial = []
    this.partialBytes = 0
  }
}

/** Frames one block as a thread does. */
export function frameBlock(block: { bytes: Uint8Array; firstLineNo: number }, maxLineBytes: number): NdjsonLine[] {
  const splitter = new NdjsonSplitter({ maxLineBytes, firstLineNo: block.firstLineNo })
  const lines = splitter.push(block.bytes)
  for (const line of splitter.end()) lines.push(line)
  return lines
}

function countNewlines(buffer: Buffer, start: number, end: number): number {
  let count = 0
  let index = buffer.indexOf(NEWLINE, start)
  while (index !== -1 && index < end) {
    count++
    index = buffer.indexOf(NEWLINE, index + 1)
  }
  return count
}
