/**
 * A mapping worker thread: builds an engine from the IR once, then frames and
 * maps each block it receives, and posts back the output (as UTF-8 bytes,
 * transferred), the rejects and the counts, numbered relative to the block.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createEngine } from '@mapdown/engine'
import { BatchMapper } from './batch.js'
import { frameBlock } from './block-framing.js'
import { mapLines } from './executor.js'
import type { ThreadInit, ThreadJob, ThreadMessage } from './protocol.js'

const port = parentPort
if (port === null) throw new Error('map/thread.js must run in a worker thread')

const init = workerData as ThreadInit
const encoder = new TextEncoder()
let mapper: BatchMapper | undefined
try {
  mapper = new BatchMapper(createEngine(JSON.parse(init.irJson), init.engineOptions))
  port.postMessage({ type: 'ready' } satisfies ThreadMessage)
} catch (error) {
  port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) } satisfies ThreadMessage)
}

port.on('message', (job: ThreadJob) => {
  if (mapper === undefined) return
  const { lines, firstLineNo, lineCount } = frameBlock(job.pieces, job.startsInput, init.maxLineBytes)
  mapLines(mapper, job.file, lines)
  const result = mapper.take()
  // TextEncoder gives a buffer of its own (never Buffer's shared pool), safe to transfer.
  const output = encoder.encode(result.output as string)
  const message: ThreadMessage = { type: 'result', result: { ...result, output, firstLineNo, lineCount } }
  port.postMessage(message, [output.buffer as ArrayBuffer])
})
