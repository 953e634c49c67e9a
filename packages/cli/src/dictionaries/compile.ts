/** Compiles dictionary paths for `compile` and `check`, after checking that each path exists. */
import { stat } from 'node:fs/promises'
import type { CompileResult } from '@mapdown/compiler'
import { InputError, systemErrorMessage } from '../errors.js'

export const DEFAULT_DICTIONARIES = './dictionaries'

/** With `library`, the dictionaries of that folder are compiled first, for the cross-dictionary rules (see `compileFiles`). */
export async function compilePaths(paths: readonly string[], library?: string): Promise<CompileResult> {
  const list = paths.length === 0 ? [DEFAULT_DICTIONARIES] : paths
  for (const path of list) {
    try {
      await stat(path)
    } catch (error) {
      throw new InputError(systemErrorMessage(error), path, { cause: error })
    }
  }
  const { compileFiles } = await import('@mapdown/compiler')
  return compileFiles([...list], library === undefined ? {} : { library: [library] })
}
