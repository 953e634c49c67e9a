/**
 * Line numbers of blocks framed apart (in worker threads), made absolute.
 *
 * A block is framed from a line number of its own (`blockFirstLineNo`) and
 * reports how many lines it held. Results are placed in input order, so the
 * numbering knows where each block starts once the blocks before it are
 * placed: rejects' line numbers, and the line number quoted in the messages
 * of framing errors, are moved by that offset.
 */
import type { BatchResult, RejectRecord } from './batch.js'

/** A batch result numbered from `firstLineNo`, for a block of `lineCount` lines. */
export interface BlockResult extends BatchResult {
  readonly firstLineNo: number
  readonly lineCount: number
}

export class LineNumbering {
  /** The number of the next block's first line in its input. */
  #next = 1

  /** Places the next block's result (blocks must be placed in input order). */
  place(result: BlockResult, startsInput: boolean): BatchResult {
    if (startsInput) this.#next = 1
    const offset = this.#next - result.firstLineNo
    this.#next += result.lineCount
    if (offset !== 0) {
      const framing = new Set(result.framingRejects)
      result.rejects = result.rejects.map((reject, index) => moved(reject, offset, framing.has(index)))
    }
    return result
  }
}

function moved(reject: RejectRecord, offset: number, quotesLine: boolean): RejectRecord {
  const line = reject.line + offset
  return { ...reject, line, message: quotesLine ? requoted(reject.message, reject.line, line) : reject.message }
}

/** The framing message with its quoted line number `from` (the first `line <from>` in it) replaced by `to`. */
export function requoted(message: string, from: number, to: number): string {
  const quoted = new RegExp(`\\bline ${from}(?!\\d)`)
  if (!quoted.test(message)) throw new Error(`Unexpected framing message without "line ${from}": ${message}`)
  return message.replace(quoted, `line ${to}`)
}
