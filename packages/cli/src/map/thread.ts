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
import { frameBlock } from './block-framing.js'
import { mapLines } from './executor.js'
import { RangeReadError, readRange, type RangeLines } from './file-range.js'
import { ByteOutput } from './mapped-output.js'
import type { ThreadInit, ThreadJob, ThreadLoad, ThreadMessage, ThreadRangeJob, ThreadRecycle } from './protocol.js'

const port = parentPort
if (port === null) throw new Error('map/thread.js must run in a worker thread')

const init = workerData as ThreadInit
/** Mapped lines go straight into transferable buffers, reused once the main thread has written them. */
const output = new ByteOutput(init.rangeBytes)
let mapper: BatchMapper | undefined
/** The read buffer for ranges: a range and the end of its last line usually fit in one read. */
let readBuffer: Buffer | undefined

port.on('message', (message: ThreadLoad | ThreadJob | ThreadRangeJob | ThreadRecycle) => {
  if (message.type === 'recycle') output.recycle(message.buffer)
  else if (message.type === 'load') load(message)
  else if (mapper === undefined) return
  else if (message.type === 'job') mapBlock(mapper, message)
  else mapRange(mapper, message)
})

function load(message: ThreadLoad): void {
  try {
    mapper = new BatchMapper(createEngine(JSON.parse(message.irJson), message.engineOptions), output)
    post({ type: 'ready' })
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) })
  }
}

function mapBlock(mapper: BatchMapper, job: ThreadJob): void {
  const { lines, firstLineNo, lineCount } = frameBlock(job.pieces, job.startsInput, init.maxLineBytes)
  mapLines(mapper, job.file, lines)
  postResult(mapper, { firstLineNo, lineCount })
}

/** Reads, frames and maps a range piece by piece (see `readRange`): a read error drops what was mapped of it. */
function mapRange(mapper: BatchMapper, job: ThreadRangeJob): void {
  readBuffer ??= Buffer.allocUnsafeSlow(init.rangeBytes + (64 << 10))
  let lines: RangeLines
  try {
    lines = readRange(job.range, init.maxLineBytes, readBuffer, (framed) => mapLines(mapper, job.file, framed))
  } catch (error) {
    if (!(error instanceof RangeReadError)) throw error
    mapper.take()
    post({ type: 'read-failed', message: error.message, code: error.code })
    return
  }
  postResult(mapper, lines)
}

/** Posts what the mapper collected, its output bytes transferred, numbered relative to the block. */
function postResult(mapper: BatchMapper, { firstLineNo, lineCount }: RangeLines): void {
  const result = mapper.take()
  const bytes = result.output as Uint8Array
  post({ type: 'result', result: { ...result, firstLineNo, lineCount } }, [bytes.buffer as ArrayBuffer])
}

function post(message: ThreadMessage, transfer: ArrayBuffer[] = []): void {
  ;(port as MessagePort).postMessage(message, transfer)
}
