/**
 * Input files for `mapdown map`: NDJSON files, gzip files (`.gz`) and stdin (`-`).
 * Inputs are checked before anything is read, so that a typo in the third
 * file name fails the run before the first file has been mapped.
 */
import { createReadStream, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { InputError, UsageError, systemErrorMessage } from '../errors.js'

/** Large reads: fewer, bigger chunks keep per-chunk overhead out of the hot path. */
export const READ_CHUNK_BYTES = 1 << 20

export interface InputSpec {
  /** The name used in messages and rejects: the path as given, or `-` for stdin. */
  readonly name: string
  readonly kind: 'file' | 'stdin'
  readonly gzip: boolean
  /** File size in bytes (compressed size for `.gz`), unknown for stdin. */
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
      inputs.push({ name, kind: 'stdin', gzip: false, size: undefined })
      continue
    }
    let stats: Stats
    try {
      stats = await stat(name)
    } catch (error) {
      throw new InputError(systemErrorMessage(error), name, { cause: error })
    }
    if (stats.isDirectory()) throw new InputError('is a directory, expected an NDJSON file', name)
    inputs.push({ name, kind: 'file', gzip: name.endsWith('.gz'), size: stats.size })
  }
  return inputs
}

/**
 * Opens an input as a stream of byte chunks (decompressed for `.gz`).
 * Read errors surface as `InputError`s naming the input when the stream is iterated.
 */
export function openInput(input: InputSpec, stdin: () => Readable): AsyncIterable<Uint8Array> {
  const source: Readable = input.kind === 'stdin' ? stdin() : createReadStream(input.name, { highWaterMark: READ_CHUNK_BYTES })
  if (!input.gzip) return namedErrors(source, input.name, input.kind === 'file')
  const gunzip = createGunzip({ chunkSize: 256 * 1024 })
  source.on('error', (error) => gunzip.destroy(error))
  source.pipe(gunzip)
  return namedErrors(gunzip, input.name, true)
}

async function* namedErrors(stream: Readable, name: string, owned: boolean): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream as AsyncIterable<Uint8Array>) yield chunk
  } catch (error) {
    throw new InputError(`cannot read: ${systemErrorMessage(error)}`, name, { cause: error })
  } finally {
    // Stops reading when the consumer leaves early (EPIPE on stdout, a fatal error).
    if (owned) stream.destroy()
  }
}
