/** Compiles dictionary paths for `compile` and `check`, after checking that each path exists. */
import { stat } from 'node:fs/promises'
import type { CompileResult } from '@mapdown/compiler'
import { positiveIntegerOption } from '../args.js'
import { InputError, systemErrorMessage } from '../errors.js'
import { compileInThread, DEFAULT_COMPILE_TIMEOUT_SECONDS, type CompileThread } from './compile-thread.js'

/** `--compile-timeout SECONDS`, for every command that compiles dictionaries. */
export const COMPILE_TIMEOUT_OPTION = { 'compile-timeout': { type: 'string' } } as const

export function compileTimeout(command: string, value: string | undefined): number {
  return positiveIntegerOption(command, 'compile-timeout', value) ?? DEFAULT_COMPILE_TIMEOUT_SECONDS
}

export const DEFAULT_DICTIONARIES = './dictionaries'

/**
 * Compiles in a worker thread, each file under a deadline of `timeoutSeconds` (see compile-thread.ts).
 * With `library`, the dictionaries of that folder are compiled first, for the cross-dictionary rules (see `compileFiles`).
 * With `thread`, in that thread, kept warm for the next compilation (`check --watch`); else in a thread of its own.
 */
export async function compilePaths(paths: readonly string[], timeoutSeconds: number, library?: string, thread?: CompileThread): Promise<CompileResult> {
  const list = paths.length === 0 ? [DEFAULT_DICTIONARIES] : paths
  for (const path of list) {
    try {
      await stat(path)
    } catch (error) {
      throw new InputError(systemErrorMessage(error), path, { cause: error })
    }
  }
  const options = library === undefined ? {} : { library: [library] }
  return thread === undefined ? compileInThread(list, timeoutSeconds, options) : thread.compile(list, timeoutSeconds, options)
}
