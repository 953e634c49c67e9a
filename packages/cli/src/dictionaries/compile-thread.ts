/**
 * Compiling under a deadline. The markdown parser is super-linear on some
 * inputs under the 1 MiB size limit (docs/reliability.md): a crafted
 * dictionary could keep `mapdown compile` busy for minutes. The compiler runs
 * in a worker thread that says when each file starts; a file (or the checks
 * across dictionaries) that takes longer than the limit stops the thread, and
 * the run fails naming that file, in seconds. Starting the thread and loading
 * the compiler are not timed.
 */
import { relative } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { CompileResult } from '@mapdown/compiler'
import { InputError, systemErrorMessage } from '../errors.js'
import { fromPlain, type CompileJob, type CompileThreadMessage } from './compile-protocol.js'

/** The default limit per dictionary file, in seconds: real dictionaries compile in milliseconds. */
export const DEFAULT_COMPILE_TIMEOUT_SECONDS = 20

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
        clearTimeout(timer)
        timer = setTimeout(() => {
          const what = path === undefined ? 'the checks across dictionaries' : 'compiling it'
          reject(
            new InputError(
              `${what} took more than ${timeoutSeconds} s and was stopped (--compile-timeout ${timeoutSeconds}); ` +
                'a dictionary this slow to parse is probably crafted to slow the markdown parser down',
              path ?? paths.join(', '),
            ),
          )
        }, timeoutSeconds * 1000)
      }
      worker.on('message', (message: CompileThreadMessage) => {
        // Named as the user would: relative to the working folder.
        if (message.type === 'file') arm(message.path === undefined ? undefined : relative(cwd, message.path) || message.path)
        else {
          clearTimeout(timer)
          if (message.type === 'done') resolve(fromPlain(message.result))
          else {
            const cause = Object.assign(new Error(message.message), { code: message.code })
            reject(new InputError(`cannot read: ${systemErrorMessage(cause)}`, message.path, { cause }))
          }
        }
      })
      worker.on('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
      worker.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`the compiler thread stopped (exit code ${code})`))
      })
    })
  } finally {
    await worker.terminate()
  }
}
