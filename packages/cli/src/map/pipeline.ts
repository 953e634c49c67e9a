/**
 * The streaming core of `mapdown map`: read inputs in large chunks, frame them
 * into lines with the engine's `NdjsonSplitter`, hand batches to an executor,
 * and write results in input order with backpressure.
 *
 * Memory stays flat: at most `executor.maxInFlight` batches (each about one
 * read chunk) are held at a time, and reading pauses while output drains.
 */
import type { Readable } from 'node:stream'
import { NdjsonSplitter, type NdjsonLine } from '@mapdown/engine'
import { openInput, type InputSpec } from '../io/inputs.js'
import type { OutputSink } from '../io/sink.js'
import type { BatchResult, RejectRecord } from './batch.js'
import { addCounts, emptyCounts, type MapCounts } from './counts.js'
import type { Executor } from './executor.js'

/** Lines are submitted once this many input bytes have been framed (or the input ends). */
export const BATCH_BYTES = 1 << 20

export interface PipelineOptions {
  readonly inputs: readonly InputSpec[]
  readonly executor: Executor
  readonly out: OutputSink
  /** Where rejects go; when absent they are only counted. */
  readonly rejects: OutputSink | undefined
  readonly maxLineBytes: number
  /** Called only when stdin is one of the inputs (touching `process.stdin` opens it). */
  readonly stdin: () => Readable
  /** The running totals, updated after each batch (for the progress line). */
  readonly counts?: MapCounts
  /** Input bytes per batch; default `BATCH_BYTES`. */
  readonly batchBytes?: number
}

export interface PipelineResult {
  readonly counts: MapCounts
  /** True when the output's reader went away (EPIPE) before all input was read. */
  readonly interrupted: boolean
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { executor, out, rejects } = options
  const counts = options.counts ?? emptyCounts()
  const queue: Array<BatchResult | Promise<BatchResult>> = []
  const batchLimit = options.batchBytes ?? BATCH_BYTES

  const writeNext = async (): Promise<void> => {
    const result = await (queue.shift() as BatchResult | Promise<BatchResult>)
    addCounts(counts, result.counts)
    if (rejects !== undefined && result.rejects.length > 0) {
      const pending = rejects.write(rejectLines(result.rejects))
      if (pending) await pending
    }
    const pending = out.write(result.output)
    if (pending) await pending
  }

  const submit = async (file: string, lines: readonly NdjsonLine[]): Promise<void> => {
    if (lines.length === 0) return
    const result = executor.submit(file, lines)
    // Mark it handled now: it may fail while an earlier batch is awaited, and
    // the failure is seen when its turn comes (or dropped when the run stops).
    if (result instanceof Promise) result.catch(() => {})
    queue.push(result)
    while (queue.length >= executor.maxInFlight) await writeNext()
  }

  let interrupted = false
  reading: for (const input of options.inputs) {
    const splitter = new NdjsonSplitter({ maxLineBytes: options.maxLineBytes })
    let batch: NdjsonLine[] = []
    let batchBytes = 0
    for await (const chunk of openInput(input, options.stdin)) {
      if (out.closed) {
        interrupted = true
        break reading
      }
      const lines = splitter.push(chunk)
      // Appending in a loop: spreading a huge array into push() overflows the stack.
      if (batch.length === 0) batch = lines
      else for (const line of lines) batch.push(line)
      batchBytes += chunk.byteLength
      if (batchBytes >= batchLimit) {
        await submit(input.name, batch)
        batch = []
        batchBytes = 0
      }
    }
    for (const line of splitter.end()) batch.push(line)
    await submit(input.name, batch)
  }
  while (queue.length > 0 && !out.closed) await writeNext()
  if (out.closed) interrupted = true
  return { counts, interrupted }
}

function rejectLines(records: readonly RejectRecord[]): string {
  let text = ''
  for (const record of records) text += JSON.stringify(record) + '\n'
  return text
}
