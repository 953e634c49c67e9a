/**
 * Where a batch's mapped lines are collected until the batch is taken.
 *
 * - `TextOutput` (the main thread, `--workers 1`) joins them into one string,
 *   written once.
 * - `ByteOutput` (worker threads) encodes each line as UTF-8 straight into a
 *   buffer outside the JS heap, transferred to the main thread as it is. A
 *   thread used to join a batch's lines into one string and encode it at the
 *   end: the string's pieces then lived through every young-generation
 *   collection of the batch and were copied and promoted by each, which made
 *   the threads' collections several times as costly as the main thread's
 *   on large events (mixed and Cloud Funnel streams).
 */

export interface MappedOutput {
  /** One mapped record as JSON text (no newline: the collector adds it). */
  append(json: string): void
  /** What was collected since the last call (each line ends in `\n`); starts afresh. */
  take(): string | Uint8Array
}

export class TextOutput implements MappedOutput {
  #text = ''

  append(json: string): void {
    this.#text += json + '\n'
  }

  take(): string {
    const text = this.#text
    this.#text = ''
    return text
  }
}

const NEWLINE = 10
/** UTF-8 takes at most three bytes per UTF-16 code unit. */
const MOST_BYTES_PER_UNIT = 3

/**
 * Mapped lines as UTF-8 bytes. Each batch's bytes are in an `ArrayBuffer` of
 * their own (safe to transfer), a spare given back with `recycle` when one is
 * large enough, else a new one: outputs vary in size, so a buffer grows
 * (doubling) while a batch fills it and is reused at that size afterwards.
 */
export class ByteOutput implements MappedOutput {
  readonly #initialBytes: number
  readonly #maxSpares: number
  #spares: ArrayBuffer[] = []
  #bytes: Buffer | undefined
  #length = 0

  /** `initialBytes`: the size of a new buffer; `maxSpares`: how many written buffers are kept for reuse (more would only hold memory). */
  constructor(initialBytes: number, maxSpares = 4) {
    this.#initialBytes = initialBytes
    this.#maxSpares = maxSpares
  }

  /** A buffer the main thread has written and gives back. */
  recycle(buffer: ArrayBuffer): void {
    if (this.#spares.length < this.#maxSpares) this.#spares.push(buffer)
  }

  append(json: string): void {
    // Room for the worst case, so that `write` can never cut the text short.
    const most = json.length * MOST_BYTES_PER_UNIT + 1
    let bytes = this.#bytes
    if (bytes === undefined || bytes.length - this.#length < most) bytes = this.#reserve(most)
    this.#length += bytes.write(json, this.#length)
    bytes[this.#length++] = NEWLINE
  }

  take(): Uint8Array {
    const bytes = this.#bytes
    // Nothing mapped: the buffer is kept for the next batch.
    if (bytes === undefined || this.#length === 0) return new Uint8Array(0)
    const taken = new Uint8Array(bytes.buffer, bytes.byteOffset, this.#length)
    this.#bytes = undefined
    this.#length = 0
    return taken
  }

  /** A buffer with room for `most` more bytes after what it holds. */
  #reserve(most: number): Buffer {
    const needed = this.#length + most
    const current = this.#bytes
    let buffer: ArrayBuffer
    if (current === undefined) buffer = this.#spare(needed) ?? new ArrayBuffer(Math.max(this.#initialBytes, needed))
    else {
      buffer = new ArrayBuffer(Math.max(current.length * 2, needed))
      new Uint8Array(buffer).set(current.subarray(0, this.#length))
    }
    const bytes = Buffer.from(buffer)
    this.#bytes = bytes
    return bytes
  }

  #spare(needed: number): ArrayBuffer | undefined {
    const index = this.#spares.findIndex((spare) => spare.byteLength >= needed)
    return index === -1 ? undefined : this.#spares.splice(index, 1)[0]
  }
}
