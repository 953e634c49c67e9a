/**
 * Maps on `node:worker_threads` (`--workers N`, N > 1).
 *
 * The main thread only reads and cuts the input into blocks of whole lines
 * (`BlockCutter`); each block's buffer is transferred to the least busy
 * thread, which frames and maps it and transfers back its output bytes. Each
 * thread answers its jobs in order, so a FIFO of pending jobs per thread is
 * enough to match answers to jobs; the pipeline consumes results in
 * submission order, which keeps output in input order.
 * `node:worker_threads` is used directly: the pool needs no more than this,
 * and a pool library's task queue would hide the bound on in-flight blocks.
 */
import { Worker } from 'node:worker_threads'
import type { Engine, EngineOptions } from '@mapdown/engine'
import { BatchMapper, type BatchResult } from './batch.js'
import { mapLines, type Executor, type FramingOptions } from './executor.js'
import { BlockCutter, type Block, type Framer } from './framing.js'
import type { ThreadInit, ThreadJob, ThreadMessage } from './protocol.js'

interface PendingJob {
  resolve(result: BatchResult): void
  reject(error: Error): void
}

interface Thread {
  readonly worker: Worker
  readonly pending: PendingJob[]
}

export class PoolExecutor implements Executor<Block> {
  readonly maxInFlight: number
  private readonly threads: Thread[]
  private readonly options: FramingOptions
  /** Maps the rare lines framed on the main thread (too long for a block). */
  private readonly local: BatchMapper
  private failure: Error | undefined

  private constructor(threads: Thread[], engine: Engine, options: FramingOptions) {
    this.threads = threads
    this.options = options
    this.local = new BatchMapper(engine)
    // Two blocks per thread: one being mapped, one queued, so no thread waits
    // for the main thread; more would only hold memory.
    this.maxInFlight = threads.length * 2
  }

  /**
   * Starts `size` threads. Jobs can be submitted at once: they wait in the
   * threads' message queues while the threads load the engine, so reading the
   * input overlaps their start-up.
   */
  static start(size: number, engine: Engine, irJson: string, engineOptions: EngineOptions, options: FramingOptions): PoolExecutor {
    const url = new URL('./thread.js', import.meta.url)
    const init: ThreadInit = { irJson, engineOptions, maxLineBytes: options.maxLineBytes }
    const threads: Thread[] = []
    for (let index = 0; index < size; index++) threads.push({ worker: new Worker(url, { workerData: init }), pending: [] })
    const pool = new PoolExecutor(threads, engine, options)
    for (const thread of threads) pool.listen(thread)
    return pool
  }

  framer(): Framer<Block> {
    return new BlockCutter(this.options.maxLineBytes, this.options.batchBytes)
  }

  submit(file: string, block: Block): BatchResult | Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure)
    if (block.kind === 'lines') {
      mapLines(this.local, file, block.lines)
      return this.local.take()
    }
    const thread = this.leastBusy()
    const job: ThreadJob = { file, bytes: block.bytes, firstLineNo: block.firstLineNo }
    const answer = new Promise<BatchResult>((resolve, reject) => thread.pending.push({ resolve, reject }))
    thread.worker.postMessage(job, [block.bytes.buffer as ArrayBuffer])
    return answer
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
    const fail = (error: Error) => {
      this.failure ??= error
      for (const job of thread.pending.splice(0)) job.reject(error)
    }
    thread.worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'ready') return
      if (message.type === 'fatal') {
        fail(new Error(`a worker thread could not start: ${message.message}`))
        return
      }
      thread.pending.shift()?.resolve(message.result)
    })
    thread.worker.on('error', fail)
    thread.worker.on('exit', (code) => {
      if (thread.pending.length > 0) fail(new Error(`a worker thread stopped (exit code ${code})`))
    })
  }
}
