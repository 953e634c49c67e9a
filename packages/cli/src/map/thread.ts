/**
 * A mapping worker thread: loads the engine as soon as it starts, builds it
 * from the IR it is sent once compiled, then frames and maps each block it
 * receives (or reads a byte range of a file itself), and posts back the output
 * (as UTF-8 bytes, transferred), the rejects and the counts, numbered relative
 * to the block.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { createEngine } from '@mapdown/engine'
import { BatchMapper } from './batch.js'
import { frameBlock, type FramedBlock } from './block-framing.js'
import { mapLines } from './executor.js'
import { frameRange } from './file-range.js'
import type { ThreadInit, ThreadJob, ThreadLoad, ThreadMessage, ThreadRangeJob, ThreadRecycle } from './protocol.js'

const port = parentPort
if (port === null) throw new Error('map/thread.js must run in a worker thread')

const init = workerData as ThreadInit
const encoder = new TextEncoder()
let mapper: BatchMapper | undefined
/** The read buffer for ranges: a range and the end of its last line usually fit in one read. */
let readBuffer: Buffer | undefined

/** Output buffers the main thread gave back once written (a few: more would only hold memory). */
const spares: ArrayBuffer[] = []
const MAX_SPARES = 4

port.on('message', (message: ThreadLoad | ThreadJob | ThreadRangeJob | ThreadRecycle) => {
  if (message.type === 'recycle') {
    if (spares.length < MAX_SPARES) spares.push(message.buffer)
  } else if (message.type === 'load') load(message)
  else if (mapper === undefined) return
  else if (message.type === 'job') map(mapper, message.file, frameBlock(message.pieces, message.startsInput, init.maxLineBytes))
  else mapRange(mapper, message)
})

function load(message: ThreadLoad): void {
  try {
    mapper = new BatchMapper(createEngine(JSON.parse(message.irJson), message.engineOptions))
    post({ type: 'ready' })
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) })
  }
}

function mapRange(mapper: BatchMapper, job: ThreadRangeJob): void {
  readBuffer ??= Buffer.allocUnsafeSlow(init.rangeBytes + (64 << 10))
  let framed: FramedBlock
  try {
    framed = frameRange(job.range, init.maxLineBytes, readBuffer)
  } catch (error) {
    const failure = error as NodeJS.ErrnoException
    post({ type: 'read-failed', message: failure instanceof Error ? failure.message : String(error), code: failure.code })
    return
  }
  map(mapper, job.file, framed)
}

function map(mapper: BatchMapper, file: string, { lines, firstLineNo, lineCount }: FramedBlock): void {
  mapLines(mapper, file, lines)
  const result = mapper.take()
  const output = encode(result.output as string)
  post({ type: 'result', result: { ...result, output, firstLineNo, lineCount } }, [output.buffer as ArrayBuffer])
}

/**
 * The output as UTF-8 in a buffer of its own (never Buffer's shared pool), safe
 * to transfer: a spare when one is large enough, else a new one with room to
 * spare, so that it can be reused for the next outputs, which vary in size.
 */
function encode(text: string): Uint8Array {
  for (let index = 0; index < spares.length; index++) {
    const spare = spares[index] as ArrayBuffer
    if (spare.byteLength < text.length) continue
    const view = new Uint8Array(spare)
    const { read, written } = encoder.encodeInto(text, view)
    if (read !== text.length) continue
    spares.splice(index, 1)
    return view.subarray(0, written)
  }
  const fresh = new Uint8Array(text.length + (text.length >> 3) + 4096)
  const { read, written } = encoder.encodeInto(text, fresh)
  return read === text.length ? fresh.subarray(0, written) : encoder.encode(text)
}

function post(message: ThreadMessage, transfer: ArrayBuffer[] = []): void {
  ;(port as MessagePort).postMessage(message, transfer)
}
