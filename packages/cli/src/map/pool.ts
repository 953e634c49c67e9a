/**
 * Maps on `node:worker_threads` (`--workers N`, N > 1).
 *
 * An uncompressed regular file is planned as byte ranges (`fileRanges`): the
 * least busy thread is told a range, reads and frames it itself, maps it and
 * transfers back its output bytes, so the main thread only orders and writes.
 * Other inputs (gzip, which cannot be cut into ranges, stdin and pipes) are
 * read by the main thread and cut at each chunk's last newline
 * (`BlockCutter`); each block's buffers are transferred to the least busy
 * thread, which frames and maps it. Either way line numbers come back
 * relative to the block. Each thread answers its jobs in order,
 * so a FIFO of pending jobs per thread is enough to match answers to jobs;
 * results are numbered (`LineNumbering`) and consumed in submission order,
 * which keeps output in input order.
 * `node:worker_threads` is used directly: the pool needs no more than this,
 * and a pool library's task queue would hide the bound on in-flight blocks.
 */
import { Worker } from 'node:worker_threads'
import type { Engine, EngineOptions } from '@mapdown/engine'
import { InputError, systemErrorMessage } from '../errors.js'
import type { InputSpec } from '../io/inputs.js'
import { BatchMapper, type BatchResult } from './batch.js'
import { BlockCutter, type Block } from './block-cutter.js'
import { mapLines, type Executor, type FramingOptions } from './executor.js'
import { fileRanges, type FileRange } from './file-range.js'
import type { Framer } from './framing.js'
import { LineNumbering, type BlockResult } from './line-numbering.js'
import type { ThreadInit, ThreadJob, ThreadLoad, ThreadMessage, ThreadRangeJob, ThreadRecycle } from './protocol.js'

/**
 * Output buffers go back to the threads once written (`recycle`): without it
 * the main thread, which allocates almost nothing of its own, would collect
 * its garbage rarely and hold tens of megabytes of written output.
 *
 * A thread's young generation, in MiB (V8 defaults to about 48 on 64-bit
 * machines). Mapping keeps little alive from one event to the next, so a
 * smaller nursery costs no measurable time, and each thread's peak memory
 * drops by some 20 MB.
 */
const THREAD_YOUNG_GENERATION_MB = 24

interface PendingJob {
  /** The input, as named in messages. */
  readonly file: string
  resolve(result: BlockResult): void
  reject(error: Error): void
}

/** What a thread is given: a block cut by the main thread, or a range of a file it reads itself. */
export type PoolWork = Block | FileRange

interface Thread {
  readonly worker: Worker
  readonly pending: PendingJob[]
}

export class PoolExecutor implements Executor<PoolWork> {
  readonly maxInFlight: number
  private readonly threads: Thread[]
  private readonly options: FramingOptions
  /** Maps the rare lines framed on the main thread (too long for the limit); set by `load`. */
  private local: BatchMapper | undefined
  private readonly numbering = new LineNumbering()
  /** The last result placed (numbered): results are placed in submission order. */
  private placed: Promise<unknown> = Promise.resolve()
  private failure: Error | undefined
  private closed = false
  private recycled = 0

  private constructor(threads: Thread[], options: FramingOptions) {
    this.threads = threads
    this.options = options
    // Two blocks per thread: one being mapped, one queued, so no thread waits
    // for the main thread; more would only hold memory.
    this.maxInFlight = threads.length * 2
  }

  /**
   * Starts `size` threads, which load the engine while the caller compiles
   * the mapping; `load` then hands it to them. Jobs can be submitted at once
   * after `load`: they wait in the threads' message queues while the threads
   * build their engines, so reading the input overlaps their start-up.
   */
  static start(size: number, options: FramingOptions): PoolExecutor {
    const url = new URL('./thread.js', import.meta.url)
    const init: ThreadInit = { maxLineBytes: options.maxLineBytes, rangeBytes: options.batchBytes }
    const resourceLimits = { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB }
    const threads: Thread[] = []
    for (let index = 0; index < size; index++) threads.push({ worker: new Worker(url, { workerData: init, resourceLimits }), pending: [] })
    const pool = new PoolExecutor(threads, options)
    for (const thread of threads) pool.listen(thread)
    return pool
  }

  /** Hands the mapping to the threads: `engine` was built from `irJson` with `engineOptions` (and so validated it). */
  load(engine: Engine, irJson: string, engineOptions: EngineOptions): this {
    this.local = new BatchMapper(engine)
    const message: ThreadLoad = { type: 'load', irJson, engineOptions }
    for (const thread of this.threads) thread.worker.postMessage(message)
    return this
  }

  framer(input: InputSpec): Framer<Block> {
    return new BlockCutter({
      maxLineBytes: this.options.maxLineBytes,
      blockBytes: this.options.batchBytes,
      // A file read stream hands over fresh buffers; gzip, stdin and pipe chunks may share theirs.
      ownsChunks: input.kind === 'file' && input.gzip === false,
    })
  }

  /** An uncompressed regular file is read by the threads, range by range. */
  ranges(input: InputSpec): Iterable<FileRange> | undefined {
    if (input.kind !== 'file' || input.gzip !== false || input.size === undefined) return undefined
    return fileRanges(input.name, input.size, this.options.batchBytes)
  }

  submit(file: string, block: PoolWork): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure)
    const relative = block.kind === 'lines' ? this.mapHere(file, block) : block.kind === 'range' ? this.postRange(file, block) : this.post(file, block)
    // Marked handled now: it may fail before the results ahead of it are placed
    // (the failure then reaches the caller through `placed`).
    if (relative instanceof Promise) relative.catch(() => {})
    const placed = this.placed.then(() => relative).then((result) => this.numbering.place(result, block.startsInput))
    this.placed = placed
    return placed
  }

  /** A written output's buffer goes back to a thread, which encodes a later output into it instead of allocating. */
  recycle(output: Uint8Array): void {
    if (this.closed) return
    const buffer = output.buffer as ArrayBuffer
    if (buffer.byteLength === 0 || buffer instanceof SharedArrayBuffer) return
    const thread = this.threads[this.recycled++ % this.threads.length] as Thread
    const message: ThreadRecycle = { type: 'recycle', buffer }
    thread.worker.postMessage(message, [buffer])
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()))
  }

  private mapHere(file: string, block: Extract<Block, { kind: 'lines' }>): BlockResult {
    const local = this.loaded()
    mapLines(local, file, block.lines)
    return { ...local.take(), firstLineNo: block.firstLineNo, lineCount: block.lineCount }
  }

  private post(file: string, block: Extract<Block, { kind: 'block' }>): Promise<BlockResult> {
    const job: ThreadJob = { type: 'job', file, pieces: block.pieces, startsInput: block.startsInput }
    const buffers = new Set(block.pieces.map((piece) => piece.buffer as ArrayBuffer))
    return this.send(file, job, [...buffers])
  }

  private postRange(file: string, range: FileRange): Promise<BlockResult> {
    const job: ThreadRangeJob = { type: 'range', file, range }
    return this.send(file, job, [])
  }

  private send(file: string, job: ThreadJob | ThreadRangeJob, transfer: ArrayBuffer[]): Promise<BlockResult> {
    this.loaded()
    const thread = this.leastBusy()
    const answer = new Promise<BlockResult>((resolve, reject) => thread.pending.push({ file, resolve, reject }))
    thread.worker.postMessage(job, transfer)
    return answer
  }

  private loaded(): BatchMapper {
    if (this.local === undefined) throw new Error('PoolExecutor: load() must come before submit()')
    return this.local
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
      const job = thread.pending.shift()
      if (message.type === 'result') job?.resolve(message.result)
      else if (job !== undefined) {
        // Read by the thread: the same message as when the main thread reads the input.
        const cause = Object.assign(new Error(message.message), { code: message.code })
        job.reject(new InputError(`cannot read: ${systemErrorMessage(cause)}`, job.file, { cause }))
      }
    })
    thread.worker.on('error', fail)
    thread.worker.on('messageerror', fail)
    thread.worker.on('exit', (code) => {
      if (thread.pending.length > 0) fail(new Error(`a worker thread stopped (exit code ${code})`))
    })
  }
}
