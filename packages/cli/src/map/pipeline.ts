/**
 * The streaming core of `mapdown map`: read inputs in large chunks, frame them
 * into lines with the engine's `NdjsonSplitter`, hand batches to an executor,
 * and write results in input order with backpressure. An executor that reads
 * a file itself (worker threads, byte ranges) is only handed the ranges.
 *
 * Memory stays flat: at most `executor.maxInFlight` batches (each about one
 * read chunk) are held at a time, and reading pauses while output drains.
 */
import type { Readable } from 'node:stream'
import { openInput, type InputSpec } from '../io/inputs.js'
import type { OutputSink } from '../io/sink.js'
import type { BatchResult, RejectRecord } from './batch.js'
import { addCounts, emptyCounts, type MapCounts } from './counts.js'
import type { Executor } from './executor.js'

/** Input bytes per unit of work: large enough to amortise per-batch costs, small enough to keep memory flat. */
export const BATCH_BYTES = 1 << 20

export interface PipelineOptions<W> {
  readonly inputs: readonly InputSpec[]
  readonly executor: Executor<W>
  readonly out: OutputSink
  /** Where rejects go; when absent they are only counted. */
  readonly rejects: OutputSink | undefined
  /** Called only when stdin is one of the inputs (touching `process.stdin` opens it). */
  readonly stdin: () => Readable
  /** The running totals, updated after each batch is written (for the progress line). */
  readonly counts?: MapCounts
  /** Aborted on SIGINT or SIGTERM: stop reading, write nothing more, leave batches in flight unwritten (and uncounted). */
  readonly signal?: AbortSignal
}

export interface PipelineResult {
  readonly counts: MapCounts
  /**
   * Why the run stopped before the end of its input: the output's reader went
   * away (EPIPE), or `signal` was aborted. Undefined when all input was mapped.
   */
  readonly stopped: 'output-closed' | 'signal' | undefined
}

export async function runPipeline<W>(options: PipelineOptions<W>): Promise<PipelineResult> {
  const { executor, out, rejects, signal } = options
  const counts = options.counts ?? emptyCounts()
  const queue: Array<BatchResult | Promise<BatchResult>> = []

  const writeNext = async (): Promise<void> => {
    const result = await (queue.shift() as BatchResult | Promise<BatchResult>)
    // Counted when handed to the outputs: a batch left unwritten (interrupted) is not counted.
    addCounts(counts, result.counts)
    if (rejects !== undefined && result.rejects.length > 0) {
      const pending = rejects.write(rejectLines(result.rejects), result.rejects.length)
      if (pending) await pending
    }
    const pending = out.write(result.output, result.counts.mapped)
    const output = result.output
    if (executor.recycle !== undefined && output instanceof Uint8Array && output.byteLength > 0) {
      void out.settled().then(() => executor.recycle?.(output))
    }
    if (pending) await pending
  }
  const stopping = () => out.closed || signal?.aborted === true

  const submit = async (file: string, works: readonly W[]): Promise<void> => {
    for (const work of works) {
      const result = executor.submit(file, work)
      // Mark it handled now: it may fail while an earlier batch is awaited, and
      // the failure is seen when its turn comes (or dropped when the run stops).
      if (result instanceof Promise) result.catch(() => {})
      queue.push(result)
      while (queue.length >= executor.maxInFlight && !stopping()) await writeNext()
    }
  }

  reading: for (const input of options.inputs) {
    const ranges = executor.ranges?.(input)
    if (ranges !== undefined) {
      for (const range of ranges) {
        if (stopping()) break reading
        await submit(input.name, [range])
      }
      continue
    }
    const framer = executor.framer(input)
    for await (const chunk of openInput(input, options.stdin, signal)) {
      if (stopping()) break reading
      await submit(input.name, framer.push(chunk))
    }
    if (stopping()) break
    await submit(input.name, framer.end())
  }
  while (queue.length > 0 && !stopping()) await writeNext()
  const stopped = signal?.aborted ? 'signal' : out.closed ? 'output-closed' : undefined
  return { counts, stopped }
}

function rejectLines(records: readonly RejectRecord[]): string {
  let text = ''
  for (const record of records) text += JSON.stringify(record) + '\n'
  return text
}
