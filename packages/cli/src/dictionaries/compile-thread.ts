/**
 * Compiling under a deadline. The markdown parser is super-linear on some
 * inputs under the 1 MiB size limit (docs/reliability.md): a crafted
 * dictionary could keep `mapdown compile` busy for minutes. The compiler runs
 * in a worker thread that says when each file starts; a file (or the checks
 * across dictionaries) that uses more CPU time than the limit stops the
 * thread, and the run fails naming that file, in seconds. CPU time of the
 * process (the main thread waits idle meanwhile), not wall-clock time: on a
 * loaded machine a real dictionary gets its CPU late, and must not fail for
 * it. A read that blocks without using CPU (a FIFO named .md) is caught by a
 * wall-clock backstop, BLOCKED_FACTOR times the limit. Starting the thread
 * and loading the compiler are not timed.
 */
import { relative } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { CompileResult } from '@mapdown/compiler'
import { InputError, systemErrorMessage } from '../errors.js'
import { fromPlain, type CompileJob, type CompileThreadMessage } from './compile-protocol.js'

/** The default limit per dictionary file, in seconds of CPU time: real dictionaries compile in milliseconds. */
export const DEFAULT_COMPILE_TIMEOUT_SECONDS = 20
/** The wall-clock backstop, as a multiple of the limit. */
const BLOCKED_FACTOR = 30
/** How often the CPU time is read (milliseconds). */
const POLL_MS = 100

export async function compileInThread(
  paths: readonly string[],
  timeoutSeconds: number,
  options: { cwd?: string; library?: readonly string[] } = {},
): Promise<CompileResult> {
  const job: CompileJob = { paths, cwd: options.cwd ?? process.cwd(), ...(options.library === undefined ? {} : { library: options.library }) }
  const worker = new Worker(new URL('./compile-entry.js', import.meta.url), { workerData: job })
  try {
    return await new Promise<CompileResult>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      const arm = (path: string | undefined) => {
        clearInterval(timer)
        const cpuStart = process.cpuUsage()
        const wallStart = performance.now()
        timer = setInterval(() => {
          const cpu = process.cpuUsage(cpuStart)
          const cpuSeconds = (cpu.user + cpu.system) / 1e6
          const blocked = performance.now() - wallStart > timeoutSeconds * BLOCKED_FACTOR * 1000
          if (cpuSeconds <= timeoutSeconds && !blocked) return
          clearInterval(timer)
          const what = path === undefined ? 'the checks across dictionaries' : 'compiling it'
          const took = blocked ? `made no progress in ${timeoutSeconds * BLOCKED_FACTOR} s` : `took more than ${timeoutSeconds} s of CPU time`
          reject(
            new InputError(
              `${what} ${took} and was stopped (--compile-timeout ${timeoutSeconds}); ` +
                'a dictionary this slow to parse is probably crafted to slow the markdown parser down',
              path ?? paths.join(', '),
            ),
          )
        }, POLL_MS)
      }
      worker.on('message', (message: CompileThreadMessage) => {
        // Named as the user would: relative to the working folder.
        if (message.type === 'file') arm(message.path === undefined ? undefined : relative(job.cwd, message.path) || message.path)
        else {
          clearInterval(timer)
          if (message.type === 'done') resolve(fromPlain(message.result))
          else {
            const cause = Object.assign(new Error(message.message), { code: message.code })
            reject(new InputError(`cannot read: ${systemErrorMessage(cause)}`, message.path, { cause }))
          }
        }
      })
      worker.on('error', (error) => {
        clearInterval(timer)
        reject(error)
      })
      worker.on('exit', (code) => {
        clearInterval(timer)
        reject(new Error(`the compiler thread stopped (exit code ${code})`))
      })
    })
  } finally {
    await worker.terminate()
  }
}
