/**
 * Input files for `mapdown map`: NDJSON files, gzip files and stdin (`-`).
 * Inputs are checked before anything is read, so that a typo in the third
 * file name fails the run before the first file has been mapped.
 *
 * Gzip is recognised by its first bytes (`1f 8b`), not only by a `.gz` name:
 * for regular files when they are checked, for stdin and pipes from their
 * first chunk. UTF-16 text is refused with a message that says UTF-16.
 */
import { closeSync, createReadStream, openSync, readSync, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable, pipeline } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { InputError, UsageError, systemErrorMessage } from '../errors.js'
import { SNIFF_BYTES, sniff, utf16Message } from './sniff.js'

/** Large reads: fewer, bigger chunks keep per-chunk overhead out of the hot path. */
export const READ_CHUNK_BYTES = 1 << 20

export interface InputSpec {
  /** The name used in messages and rejects: the path as given, or `-` for stdin. */
  readonly name: string
  readonly kind: 'file' | 'stdin'
  /** Gzip data; undefined when only the first chunk can tell (stdin, a pipe). */
  readonly gzip: boolean | undefined
  /** File size in bytes (compressed size for gzip), unknown for stdin and pipes. */
  readonly size: number | undefined
}

/** Checks the named inputs (no names: stdin) and describes them. */
export async function resolveInputs(command: string, names: readonly string[]): Promise<InputSpec[]> {
  const list = names.length === 0 ? ['-'] : names
  if (list.filter((name) => name === '-').length > 1) {
    throw new UsageError('stdin (`-`) can be read only once', command)
  }
  const inputs: InputSpec[] = []
  for (const name of list) {
    if (name === '-') {
      inputs.push({ name, kind: 'stdin', gzip: undefined, size: undefined })
      continue
    }
    let stats: Stats
    try {
      stats = await stat(name)
    } catch (error) {
      throw new InputError(systemErrorMessage(error), name, { cause: error })
    }
    if (stats.isDirectory()) throw new InputError('is a directory, expected an NDJSON file', name)
    if (!stats.isFile()) {
      // A FIFO or a device: reading its head here would take bytes from the stream.
      inputs.push({ name, kind: 'file', gzip: undefined, size: undefined })
      continue
    }
    const sniffed = sniff(readHead(name))
    if (sniffed !== undefined && sniffed !== 'gzip') throw new InputError(utf16Message(sniffed), name)
    inputs.push({ name, kind: 'file', gzip: sniffed === 'gzip' || name.endsWith('.gz'), size: stats.size })
  }
  return inputs
}

function readHead(name: string): Uint8Array {
  const head = new Uint8Array(SNIFF_BYTES)
  let fd: number
  try {
    fd = openSync(name, 'r')
  } catch (error) {
    throw new InputError(`cannot read: ${systemErrorMessage(error)}`, name, { cause: error })
  }
  try {
    return head.subarray(0, readSync(fd, head, 0, SNIFF_BYTES, 0))
  } catch (error) {
    throw new InputError(`cannot read: ${systemErrorMessage(error)}`, name, { cause: error })
  } finally {
    closeSync(fd)
  }
}

/**
 * Opens an input as a stream of byte chunks (decompressed when gzip).
 * Read errors surface as `InputError`s naming the input when the stream is
 * iterated. When `signal` is aborted the iteration ends quietly, even while a
 * read is waiting (stdin that is idle).
 */
export function openInput(input: InputSpec, stdin: () => Readable, signal?: AbortSignal): AsyncIterable<Uint8Array> {
  const source: Readable = input.kind === 'stdin' ? stdin() : createReadStream(input.name, { highWaterMark: READ_CHUNK_BYTES })
  // Stdin is not ours to close when it ends; a file stream is.
  const owned = input.kind === 'file'
  if (input.gzip === false) return namedErrors(source, input, owned, signal)
  const decoded = input.gzip === true ? gunzipped(source) : sniffed(source)
  return namedErrors(decoded, input, owned, signal, source)
}

function gunzipped(source: Readable | AsyncIterable<Uint8Array>): Readable {
  const readable = source instanceof Readable ? source : Readable.from(source, { objectMode: false })
  return pipeline(readable, createGunzip({ chunkSize: 256 * 1024 }), () => {})
}

/** Decides from the first bytes whether `source` is gzip, and decompresses it if so. */
function sniffed(source: Readable): Readable {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>
  async function* rest(head: Uint8Array[]): AsyncGenerator<Uint8Array> {
    yield* head
    for (;;) {
      const next = await chunks.next()
      if (next.done) return
      yield next.value
    }
  }
  async function* decide(): AsyncGenerator<Uint8Array> {
    const head: Uint8Array[] = []
    let bytes = 0
    while (bytes < SNIFF_BYTES) {
      const next = await chunks.next()
      if (next.done) break
      head.push(next.value)
      bytes += next.value.byteLength
    }
    const first = Buffer.concat(head)
    if (sniff(first) === 'gzip') {
      for await (const chunk of gunzipped(rest([first]))) yield chunk as Uint8Array
    } else {
      yield* rest(head)
    }
  }
  return Readable.from(decide(), { objectMode: true })
}

async function* namedErrors(
  stream: Readable,
  input: InputSpec,
  owned: boolean,
  signal: AbortSignal | undefined,
  source: Readable = stream,
): AsyncGenerator<Uint8Array> {
  if (signal?.aborted) return
  // Interrupted: stop reading now, stdin included.
  const stop = () => {
    stream.destroy()
    source.destroy()
  }
  signal?.addEventListener('abort', stop, { once: true })
  let first = true
  try {
    for await (const chunk of stream as AsyncIterable<Uint8Array>) {
      if (first) {
        first = false
        const kind = sniff(chunk)
        if (kind !== undefined && kind !== 'gzip') throw new InputError(utf16Message(kind), input.name)
      }
      yield chunk
    }
  } catch (error) {
    if (signal?.aborted) return
    if (error instanceof InputError) throw error
    throw new InputError(`cannot read: ${systemErrorMessage(error)}`, input.name, { cause: error })
  } finally {
    signal?.removeEventListener('abort', stop)
    // Stops reading when the consumer leaves early (EPIPE on stdout, a fatal error).
    if (stream !== source) stream.destroy()
    if (owned) source.destroy()
  }
}
