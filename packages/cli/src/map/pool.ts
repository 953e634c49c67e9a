/**
 * Maps batches on `node:worker_threads` (`--workers N`, N > 1).
 *
 * The main thread frames lines (so framing, line numbers and framing rejects
 * are exactly those of a single-threaded run) and sends each batch to the
 * least busy thread. Each thread answers its jobs in order, so a FIFO of
 * pending jobs per thread is enough to match answers to jobs; the pipeline
 * consumes results in submission order, which keeps output in input order.
 * `node:worker_threads` is used directly: the pool needs no more than this,
 * and a pool library's task queue would hide the bound on in-flight batches.
 */
import { Worker } from 'node:worker_threads'
import type { EngineOptions, NdjsonLine } from '@mapdown/engine'
import { recordFramingError, type BatchResult, type RejectRecord } from './batch.js'
import { addCounts, emptyCounts } from './counts.js'
import type { Executor } from './executor.js'
import type { ThreadInit, ThreadJob, ThreadMessage } from './protocol.js'

interface PendingJob {
  resolve(result: BatchResult): void
  reject(error: Error): void
}

interface Thread {
  readonly worker: Worker
  readonly pending: PendingJob[]
}

export class PoolExecutor implements Executor {
  readonly maxInFlight: number
  private readonly threads: Thread[]
  private failure: Error | undefined

  private constructor(threads: Thread[]) {
    this.threads = threads
    // Two batches per thread: one being mapped, one queued, so no thread waits
    // for the main thread; more would only hold memory.
    this.maxInFlight = threads.length * 2
  }

  /** Starts `size` threads and waits until each has built its engine. */
  static async start(size: number, irJson: string, engineOptions: EngineOptions): Promise<PoolExecutor> {
    const url = new URL('./thread.js', import.meta.url)
    const init: ThreadInit = { irJson, engineOptions }
    const threads: Thread[] = []
    const ready: Promise<void>[] = []
    for (let index = 0; index < size; index++) {
      const worker = new Worker(url, { workerData: init })
      const thread: Thread = { worker, pending: [] }
      threads.push(thread)
      ready.push(
        new Promise<void>((resolve, reject) => {
          worker.once('message', (message: ThreadMessage) => {
            if (message.type === 'ready') resolve()
            else reject(new Error(message.type === 'fatal' ? message.message : 'worker thread did not start'))
          })
          worker.once('error', reject)
        }),
      )
    }
    const pool = new PoolExecutor(threads)
    try {
      await Promise.all(ready)
    } catch (error) {
      await pool.close()
      throw error
    }
    for (const thread of threads) pool.listen(thread)
    return pool
  }

  submit(file: string, lines: readonly NdjsonLine[]): BatchResult | Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure)
    const texts: string[] = []
    const lineNos: number[] = []
    // Framing errors are recorded here on the main thread, in line order.
    const framing: BatchResult = { output: '', rejects: [], counts: emptyCounts() }
    for (const line of lines) {
      if ('text' in line) {
        texts.push(line.text)
        lineNos.push(line.lineNo)
      } else {
        recordFramingError(framing.counts, framing.rejects, file, line)
      }
    }
    if (texts.length === 0) return framing
    const thread = this.leastBusy()
    const job: ThreadJob = { file, texts: texts.join('\n'), lineNos: Float64Array.from(lineNos) }
    const answer = new Promise<BatchResult>((resolve, reject) => thread.pending.push({ resolve, reject }))
    thread.worker.postMessage(job, [job.lineNos.buffer as ArrayBuffer])
    if (framing.counts.read === 0) return answer
    return answer.then((result) => mergeFraming(result, framing))
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()))
  }

  private leastBusy(): Thread {
    let best = this.threads[0] as Thread
    for (const thread of this.threads) if (thread.pending.length < best.pending.length) best = thread
    return best
  }

  private listen(thread: Thread): void {
    thread.worker.on('message', (message: ThreadMessage) => {
      const job = thread.pending.shift()
      if (message.type === 'result') job?.resolve(message.result)
      else job?.reject(new Error(message.type === 'fatal' ? message.message : 'unexpected message from a worker thread'))
    })
    const fail = (error: Error) => {
      this.failure ??= error
      for (const job of thread.pending.splice(0)) job.reject(error)
    }
    thread.worker.on('error', fail)
    thread.worker.on('exit', (code) => {
      if (thread.pending.length > 0) fail(new Error(`a worker thread stopped (exit code ${code})`))
    })
  }
}

/** Adds the main thread's framing rejects to a thread's result, keeping rejects in line order. */
function mergeFraming(result: BatchResult, framing: BatchResult): BatchResult {
  addCounts(result.counts, framing.counts)
  result.rejects = mergeByLine(result.rejects, framing.rejects)
  return result
}

function mergeByLine(a: RejectRecord[], b: RejectRecord[]): RejectRecord[] {
  if (a.length === 0) return b
  const merged: RejectRecord[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const left = a[i] as RejectRecord
    const right = b[j] as RejectRecord
    if (left.line <= right.line) {
      merged.push(left)
      i++
    } else {
      merged.push(right)
      j++
    }
  }
  return merged.concat(a.slice(i), b.slice(j))
}
