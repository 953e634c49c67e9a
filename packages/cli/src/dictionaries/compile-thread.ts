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
 *
 * A `CompileThread` keeps its thread between compilations (`check --watch`):
 * the compiler stays loaded and its parse cache warm, so compiling again after
 * a save costs the changed file, not the start of a thread. A thread stopped
 * for its deadline is replaced by a fresh one at the next compilation.
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

export interface CompileThreadOptions {
  cwd?: string
  library?: readonly string[]
}

/** One compilation in a thread of its own, ended after it. */
export async function compileInThread(paths: readonly string[], timeoutSeconds: number, options: CompileThreadOptions = {}): Promise<CompileResult> {
  const thread = new CompileThread()
  try {
    return await thread.compile(paths, timeoutSeconds, options)
  } finally {
    await thread.close()
  }
}

/** A compiler thread that serves one compilation at a time, started at the first. */
export class CompileThread {
  #worker: Worker | undefined

  async compile(paths: readonly string[], timeoutSeconds: number, options: CompileThreadOptions = {}): Promise<CompileResult> {
    const job: CompileJob = { paths, cwd: options.cwd ?? process.cwd(), ...(options.library === undefined ? {} : { library: options.library }) }
    const worker = (this.#worker ??= new Worker(new URL('./compile-entry.js', import.meta.url)))
    let timer: NodeJS.Timeout | undefined
    let listeners: { message: (message: CompileThreadMessage) => void; error: (error: Error) => void; exit: (code: number) => void } | undefined
    try {
      return await new Promise<CompileResult>((resolve, reject) => {
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
        listeners = {
          message: (message) => {
            // Named as the user would: relative to the working folder.
            if (message.type === 'file') arm(message.path === undefined ? undefined : relative(job.cwd, message.path) || message.path)
            else if (message.type === 'done') resolve(fromPlain(message.result))
            else {
              const cause = Object.assign(new Error(message.message), { code: message.code })
              reject(new InputError(`cannot read: ${systemErrorMessage(cause)}`, message.path, { cause }))
            }
          },
          error: reject,
          exit: (code) => reject(new Error(`the compiler thread stopped (exit code ${code})`)),
        }
        worker.on('message', listeners.message)
        worker.on('error', listeners.error)
        worker.on('exit', listeners.exit)
        worker.postMessage(job)
      })
    } catch (error) {
      // Stopped for its deadline, or broken: the next compilation starts a fresh thread.
      await this.close()
      throw error
    } finally {
      clearInterval(timer)
      if (listeners !== undefined) {
        worker.off('message', listeners.message)
        worker.off('error', listeners.error)
        worker.off('exit', listeners.exit)
      }
    }
  }

  async close(): Promise<void> {
    const worker = this.#worker
    this.#worker = undefined
    if (worker !== undefined) await worker.terminate()
  }
}
