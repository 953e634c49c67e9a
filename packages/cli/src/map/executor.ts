/**
 * An executor maps units of work produced by its framer. The pipeline submits
 * them in input order and consumes their results in the same order; an
 * executor may work on up to `maxInFlight` of them at once.
 */
import type { Engine, NdjsonLine } from '@mapdown/engine'
import type { InputSpec } from '../io/inputs.js'
import { BatchMapper, type BatchResult } from './batch.js'
import { LineBatcher, type Framer } from './framing.js'

export interface Executor<W> {
  readonly maxInFlight: number
  /** A framer for `input`. */
  framer(input: InputSpec): Framer<W>
  /**
   * The units of work of an input the executor reads itself (byte ranges of a
   * file), or undefined when the pipeline is to read it and frame it with `framer`.
   */
  ranges?(input: InputSpec): Iterable<W> | undefined
  submit(file: string, work: W): BatchResult | Promise<BatchResult>
  /** Takes back a result's output bytes once the output no longer holds them (threads reuse their buffers). */
  recycle?(output: Uint8Array): void
  close(): Promise<void>
}

export interface FramingOptions {
  readonly maxLineBytes: number
  /** Input bytes per unit of work. */
  readonly batchBytes: number
}

/** Maps on the main thread, one batch at a time (`--workers 1`). */
export class InlineExecutor implements Executor<NdjsonLine[]> {
  readonly maxInFlight = 1
  private readonly mapper: BatchMapper
  private readonly options: FramingOptions

  constructor(engine: Engine, options: FramingOptions) {
    this.mapper = new BatchMapper(engine)
    this.options = options
  }

  framer(): Framer<NdjsonLine[]> {
    return new LineBatcher(this.options.maxLineBytes, this.options.batchBytes)
  }

  submit(file: string, lines: readonly NdjsonLine[]): BatchResult {
    mapLines(this.mapper, file, lines)
    return this.mapper.take()
  }

  async close(): Promise<void> {}
}

/** Maps framed lines: text lines through the engine, framing errors straight to rejects. */
export function mapLines(mapper: BatchMapper, file: string, lines: readonly NdjsonLine[]): void {
  for (const line of lines) {
    if ('text' in line) mapper.line(file, line.lineNo, line.text)
    else mapper.framingError(file, line)
  }
}
