/**
 * A mapping worker thread: builds an engine from the IR once, then maps each
 * batch it receives and posts back the joined output, rejects and counts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createEngine } from '@mapdown/engine'
import { BatchMapper } from './batch.js'
import type { ThreadInit, ThreadJob, ThreadMessage } from './protocol.js'

const port = parentPort
if (port === null) throw new Error('map/thread.js must run in a worker thread')

const init = workerData as ThreadInit
let mapper: BatchMapper | undefined
try {
  mapper = new BatchMapper(createEngine(JSON.parse(init.irJson), init.engineOptions))
  port.postMessage({ type: 'ready' } satisfies ThreadMessage)
} catch (error) {
  port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) } satisfies ThreadMessage)
}

port.on('message', (job: ThreadJob) => {
  if (mapper === undefined) return
  const texts = job.texts.split('\n')
  const lineNos = job.lineNos
  for (let index = 0; index < texts.length; index++) {
    mapper.line(job.file, lineNos[index] ?? 0, texts[index] ?? '')
  }
  port.postMessage({ type: 'result', result: mapper.take() } satisfies ThreadMessage)
})
