/**
 * A mapping worker thread: loads the engine as soon as it starts, builds it
 * from the IR it is sent once compiled, then frames and maps each block it receives, and posts back the output (as UTF-8 bytes,
 * transferred), the rejects and the counts, numbered relative to the block.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { createEngine } from '@mapdown/engine'
import { BatchMapper } from './batch.js'
import { frameBlock } from './block-framing.js'
import { mapLines } from './executor.js'
import type { ThreadInit, ThreadJob, ThreadLoad, ThreadMessage } from './protocol.js'

const port = parentPort
if (port === null) throw new Error('map/thread.js must run in a worker thread')

const init = workerData as ThreadInit
const encoder = new TextEncoder()
let mapper: BatchMapper | undefined

port.on('message', (message: ThreadLoad | ThreadJob) => {
  if (message.type === 'load') load(message)
  else if (mapper !== undefined) map(mapper, message)
})

function load(message: ThreadLoad): void {
  try {
    mapper = new BatchMapper(createEngine(JSON.parse(message.irJson), message.engineOptions))
    post({ type: 'ready' })
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) })
  }
}

function map(mapper: BatchMapper, job: ThreadJob): void {
  const { lines, firstLineNo, lineCount } = frameBlock(job.pieces, job.startsInput, init.maxLineBytes)
  mapLines(mapper, job.file, lines)
  const result = mapper.take()
  // TextEncoder gives a buffer of its own (never Buffer's shared pool), safe to transfer.
  const output = encoder.encode(result.output as string)
  post({ type: 'result', result: { ...result, output, firstLineNo, lineCount } }, [output.buffer as ArrayBuffer])
}

function post(message: ThreadMessage, transfer: ArrayBuffer[] = []): void {
  ;(port as MessagePort).postMessage(message, transfer)
}
