/**
 * A worker thread's share of framing: one block (cut by `BlockCutter`) framed
 * with an `NdjsonSplitter`, its line numbers relative to the block.
 */
import { NdjsonSplitter, type NdjsonLine } from '@mapdown/engine'
import { blockFirstLineNo } from './block-cutter.js'

export interface FramedBlock {
  readonly lines: NdjsonLine[]
  /** The number the block's first line was given (see `blockFirstLineNo`). */
  readonly firstLineNo: number
  /** How many lines the block holds, blank ones included: where the next block's numbers start. */
  readonly lineCount: number
}

export function frameBlock(pieces: readonly Uint8Array[], startsInput: boolean, maxLineBytes: number): FramedBlock {
  const firstLineNo = blockFirstLineNo(startsInput)
  const splitter = new NdjsonSplitter({ maxLineBytes, firstLineNo })
  let lines: NdjsonLine[] = []
  for (const piece of pieces) {
    const framed = splitter.push(piece)
    if (lines.length === 0) lines = framed
    else for (const line of framed) lines.push(line)
  }
  for (const line of splitter.end()) lines.push(line)
  return { lines, firstLineNo, lineCount: splitter.lineCount }
}
