/**
 * Where mapped lines (and rejects) go: stdout or a file.
 *
 * `write` honours backpressure: when the stream's buffer is full it returns a
 * promise that settles on 'drain', so a slow consumer slows mapdown down
 * instead of growing memory. A closed pipe (EPIPE, e.g. `| head -1`) is not an
 * error: the sink is marked `closed` and the caller stops reading.
 */
import { closeSync, createWriteStream, openSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { InputError, systemErrorMessage } from '../errors.js'

export class OutputSink {
  readonly name: string
  private readonly stream: Writable
  private readonly ownsStream: boolean
  private failure: InputError | undefined
  private pipeClosed = false
  private waiters: Array<() => void> = []

  constructor(stream: Writable, name: string, ownsStream: boolean) {
    this.stream = stream
    this.name = name
    this.ownsStream = ownsStream
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.pipeClosed = true
      else this.failure ??= new InputError(`cannot write: ${systemErrorMessage(error)}`, name, { cause: error })
      this.wake()
    })
    stream.on('drain', () => this.wake())
    stream.on('close', () => this.wake())
  }

  /** Opens `path` for writing now, so a bad path fails before any input is read. */
  static toFile(path: string): OutputSink {
    let fd: number
    try {
      fd = openSync(path, 'w')
    } catch (error) {
      throw new InputError(`cannot write: ${systemErrorMessage(error)}`, path, { cause: error })
    }
    try {
      return new OutputSink(createWriteStream(path, { fd, highWaterMark: 1 << 20 }), path, true)
    } catch (error) {
      closeSync(fd)
      throw error
    }
  }

  static toStdout(): OutputSink {
    return new OutputSink(process.stdout, 'stdout', false)
  }

  /** True once the reader went away (EPIPE): stop producing output. */
  get closed(): boolean {
    return this.pipeClosed
  }

  /**
   * Writes `text`. Returns a promise only when the caller must wait (buffer full);
   * `undefined` otherwise, so the hot path allocates no promise per batch.
   */
  write(text: string | Uint8Array): Promise<void> | undefined {
    this.throwIfFailed()
    if (this.pipeClosed || text.length === 0) return undefined
    if (this.stream.write(text)) return undefined
    return this.waitForDrain()
  }

  /** Flushes and, for files, closes. */
  async end(): Promise<void> {
    this.throwIfFailed()
    if (this.pipeClosed) return
    if (this.ownsStream) {
      await new Promise<void>((resolve) => {
        this.stream.end(() => resolve())
        this.stream.once('error', () => resolve())
      })
    } else if (this.stream.writableNeedDrain) {
      await this.waitForDrain()
    }
    this.throwIfFailed()
  }

  private waitForDrain(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve)
    }).then(() => this.throwIfFailed())
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure
  }
}
