/**
 * An executor maps batches of framed lines. The pipeline submits batches in
 * input order and consumes their results in the same order; an executor may
 * work on up to `maxInFlight` batches at once.
 */
import type { Engine, NdjsonLine } from '@mapdown/engine'
import { BatchMapper, type BatchResult } from './batch.js'

export interface Executor {
  readonly maxInFlight: number
  submit(file: string, lines: readonly NdjsonLine[]): BatchResult | Promise<BatchResult>
  close(): Promise<void>
}

/** Maps on the main thread, one batch at a time (`--workers 1`). */
export class InlineExecutor implements Executor {
  readonly maxInFlight = 1
  private readonly mapper: BatchMapper

  constructor(engine: Engine) {
    this.mapper = new BatchMapper(engine)
  }

  submit(file: string, lines: readonly NdjsonLine[]): BatchResult {
    const mapper = this.mapper
    for (const line of lines) {
      if ('text' in line) mapper.line(file, line.lineNo, line.text)
      else mapper.framingError(file, line)
    }
    return mapper.take()
  }

  async close(): Promise<void> {}
}
