/**
 * The worker thread of `CompileThread`: compiles each job it is sent, one at a
 * time, telling the main thread when each file starts so that it can stop a
 * file that takes too long (see compile-thread.ts).
 */
import { parentPort } from 'node:worker_threads'
import { compileFiles } from '@mapdown/compiler'
import { toPlain, type CompileJob, type CompileThreadMessage } from './compile-protocol.js'

const port = parentPort
if (port === null) throw new Error('dictionaries/compile-entry.js must run in a worker thread')
const post = (message: CompileThreadMessage) => port.postMessage(message)

port.on('message', (job: CompileJob) => {
  void compileJob(job)
})

async function compileJob(job: CompileJob): Promise<void> {
  try {
    const result = await compileFiles(job.paths, {
      cwd: job.cwd,
      ...(job.library === undefined ? {} : { library: job.library }),
      onFile: (path) => post({ type: 'file', path }),
    })
    post({ type: 'done', result: toPlain(result) })
  } catch (error) {
    const failure = error as NodeJS.ErrnoException
    post({ type: 'failed', message: failure instanceof Error ? failure.message : String(error), code: failure.code, path: failure.path })
  }
}
