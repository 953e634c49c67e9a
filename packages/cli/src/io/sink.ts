/**
 * Where mapped lines (and rejects) go: stdout (any stream) or a file.
 *
 * `write` honours backpressure: when too much is waiting to be written it
 * returns a promise that settles once the backlog is written, so a slow
 * consumer slows mapdown down instead of growing memory. Every write is
 * checked, to the end: the first failure is kept and thrown by the next
 * `write` and by `finish`. A closed pipe (EPIPE, e.g. `| head -1`) is not an
 * error: the sink is marked `closed` and the caller stops reading.
 *
 * Each write is a whole number of lines, and each sink counts the lines that
 * reached their destination (`linesWritten`), so that `--stats` never claims
 * what was not written.
 */
import { fstatSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { isatty } from 'node:tty'
import { InputError, systemErrorMessage } from '../errors.js'
import { OutputFile, OutputFileError, type OutputFs } from './output-file.js'

export interface OutputSink {
  /** The name used in messages: the path as given, or `stdout`. */
  readonly name: string
  /** True once the reader went away (EPIPE): stop producing output. */
  readonly closed: boolean
  /** Lines known to have reached their destination (a file's count only once it is in place). */
  readonly linesWritten: number
  /**
   * Writes `text` (`lines` whole lines). Returns a promise only when the caller
   * must wait (backlog full); `undefined` otherwise, so the hot path allocates
   * no promise per batch.
   */
  write(text: string | Uint8Array, lines: number): Promise<void> | undefined
  /**
   * Settles (never rejects) once every write handed so far has completed or
   * failed: the sink then holds none of their bytes, and the caller may reuse
   * them (the map threads' output buffers).
   */
  settled(): Promise<void>
  /** Waits until everything is written and, for a file, closed: the last point where writing can fail. */
  finish(): Promise<void>
  /** Puts a finished file in place; nothing to do for a stream. */
  commit(): Promise<void>
  /**
   * Gives the output up after a failure or an interruption: a file's temporary
   * copy (or, once committed, the file) is removed; a stream keeps the whole
   * lines already handed to it, and this waits until they are written.
   */
  discard(): Promise<void>
}

/** The message for a failed write: `cannot write: no space left on device`. */
export function writeError(error: unknown, name: string): InputError {
  const cause = error instanceof OutputFileError ? error.cause : error
  const what = systemErrorMessage(cause)
  const rename = error instanceof OutputFileError && error.step === 'rename'
  return new InputError(rename ? `cannot put the finished file in place: ${what}` : `cannot write: ${what}`, name, { cause: error })
}

/** Most bytes handed over and not yet written before `write` asks the caller to wait. */
const HIGH_WATER_BYTES = 1 << 20

/** A stream mapdown does not own (stdout): flushed, never closed. */
export class StreamSink implements OutputSink {
  readonly name: string
  private readonly stream: Writable
  private failure: InputError | undefined
  private pipeClosed = false
  private written = 0
  /** Writes handed to the stream whose callback has not come yet. */
  private pending = 0
  private waiters: Array<() => void> = []

  constructor(stream: Writable, name: string) {
    this.stream = stream
    this.name = name
    // The write callbacks see every error; this listener only keeps an 'error' event from being unhandled.
    stream.on('error', (error: NodeJS.ErrnoException) => this.fail(error))
    stream.on('drain', () => this.wake())
    stream.on('close', () => this.wake())
  }

  get closed(): boolean {
    return this.pipeClosed
  }

  get linesWritten(): number {
    return this.written
  }

  write(text: string | Uint8Array, lines: number): Promise<void> | undefined {
    this.throwIfFailed()
    if (this.pipeClosed || text.length === 0) return undefined
    this.pending++
    const ready = this.stream.write(text, (error) => {
      this.pending--
      if (error) this.fail(error)
      else this.written += lines
      this.wake()
    })
    if (ready) return undefined
    return this.waitFor(() => !this.stream.writableNeedDrain)
  }

  settled(): Promise<void> {
    return this.waitFor(() => this.pending === 0).catch(() => {})
  }

  async finish(): Promise<void> {
    this.throwIfFailed()
    await this.waitFor(() => this.pending === 0)
  }

  async commit(): Promise<void> {}

  async discard(): Promise<void> {
    // Whole lines only: never leave a write half done by exiting under it.
    await this.waitFor(() => this.pending === 0).catch(() => {})
  }

  private fail(error: NodeJS.ErrnoException): void {
    if (error.code === 'EPIPE') this.pipeClosed = true
    else this.failure ??= writeError(error, this.name)
    this.wake()
  }

  private waitFor(done: () => boolean): Promise<void> {
    const check = (): Promise<void> => {
      if (this.failure) return Promise.reject(this.failure)
      if (done() || this.pipeClosed || this.stream.destroyed) return Promise.resolve()
      return new Promise<void>((resolve) => this.waiters.push(resolve)).then(check)
    }
    return check()
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

/** A file, written whole or not at all (see `OutputFile`). */
export class FileSink implements OutputSink {
  readonly name: string
  private readonly file: OutputFile
  /** The chain of writes: each starts when the one before it has finished. */
  private tail: Promise<void> = Promise.resolve()
  private backlog = 0
  private failure: InputError | undefined
  /** Lines handed to `write`, and those whose write completed. */
  private handed = 0
  private completed = 0
  private committed = false
  private closedFile = false

  constructor(file: OutputFile) {
    this.file = file
    this.name = file.name
  }

  /** Opens `path` now, so that a bad path fails before any input is read. */
  static async open(path: string, fsys?: OutputFs): Promise<FileSink> {
    try {
      return new FileSink(await OutputFile.open(path, fsys))
    } catch (error) {
      throw writeError(error, path)
    }
  }

  get closed(): boolean {
    return false
  }

  get linesWritten(): number {
    // A file written in place (a device, stdout) holds what was written; a temporary file holds nothing until renamed.
    if (this.file.inPlace) return this.completed
    return this.committed ? this.handed : 0
  }

  write(text: string | Uint8Array, lines: number): Promise<void> | undefined {
    this.throwIfFailed()
    if (text.length === 0) return undefined
    const bytes = typeof text === 'string' ? Buffer.from(text) : text
    this.backlog += bytes.byteLength
    this.handed += lines
    this.tail = this.tail.then(async () => {
      if (this.failure) return
      try {
        await this.file.write(bytes)
        this.completed += lines
      } catch (error) {
        this.failure ??= writeError(error, this.name)
      } finally {
        this.backlog -= bytes.byteLength
      }
    })
    if (this.backlog <= HIGH_WATER_BYTES) return undefined
    return this.tail.then(() => this.throwIfFailed())
  }

  settled(): Promise<void> {
    // The chain never rejects: a failure is kept in `failure`.
    return this.tail
  }

  /** True once `finish` closed the file: nothing more can be written. */
  get finished(): boolean {
    return this.closedFile
  }

  async finish(): Promise<void> {
    await this.tail
    this.throwIfFailed()
    this.closedFile = true
    try {
      await this.file.close()
    } catch (error) {
      this.failure ??= writeError(error, this.name)
      throw this.failure
    }
  }

  async commit(): Promise<void> {
    try {
      await this.file.commit()
      this.committed = true
    } catch (error) {
      throw writeError(error, this.name)
    }
  }

  async discard(): Promise<void> {
    await this.tail
    this.committed = false
    this.handed = 0
    await this.file.discard()
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure
  }
}

let stdout: OutputSink | undefined
/**
 * Stdout, checked like a file; one sink at a time for the process. A pipe or a terminal
 * is written through `process.stdout`; a file or a device (`> out.ndjson`,
 * `> /dev/full`) through its descriptor, with short writes retried.
 */
export function stdoutSink(): OutputSink {
  // A file or device sink is closed by the output it finished; a process that writes one more
  // (`check --watch > report.txt`, a report per run) gets a new one on the same descriptor, which writes on where the last stopped.
  if (stdout instanceof FileSink && stdout.finished) stdout = undefined
  stdout ??= isFileOrDevice(1) ? new FileSink(OutputFile.fromDescriptor(1, 'stdout')) : new StreamSink(process.stdout, 'stdout')
  return stdout
}

function isFileOrDevice(fd: number): boolean {
  try {
    const stats = fstatSync(fd)
    return stats.isFile() || (stats.isCharacterDevice() && !isatty(fd))
  } catch {
    return false
  }
}

/**
 * Finishes every output, then puts the files in place, so that a failure at
 * the last moment (a full disk at the final flush, a close that fails) leaves
 * no file of the run that looks complete. On failure every output is
 * discarded and the first error thrown.
 */
export async function finishOutputs(sinks: ReadonlyArray<OutputSink | undefined>): Promise<void> {
  const list = sinks.filter((sink): sink is OutputSink => sink !== undefined)
  try {
    for (const sink of list) await sink.finish()
    for (const sink of list) await sink.commit()
  } catch (error) {
    await discardOutputs(list)
    throw error
  }
}

/** Discards every output (see `OutputSink.discard`). */
export async function discardOutputs(sinks: ReadonlyArray<OutputSink | undefined>): Promise<void> {
  for (const sink of sinks) await sink?.discard()
}
