/**
 * Framing: turning input chunks into units of work for an executor.
 *
 * - In-process (`--workers 1`), `LineBatcher` frames lines with one
 *   `NdjsonSplitter` per input and groups them into batches.
 * - With threads, `BlockCutter` (block-cutter.ts) only cuts the bytes at
 *   newlines; threads frame the blocks (block-framing.ts) and
 *   `LineNumbering` makes their line numbers absolute.
 */
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
