/**
 * The dictionary library that `init` names fields from and `check` checks
 * new files against: `./dictionaries` unless `--library DIR` says otherwise.
 */
import { stat } from 'node:fs/promises'
import { InputError, systemErrorMessage } from '../errors.js'
import { DEFAULT_DICTIONARIES } from './compile.js'

/**
 * The library folder to use, or undefined when the default folder does not
 * exist (a project without a library yet). A folder named with `--library` must exist.
 */
export async function libraryFolder(option: string | undefined): Promise<string | undefined> {
  const folder = option ?? DEFAULT_DICTIONARIES
  try {
    if ((await stat(folder)).isDirectory()) return folder
    throw new InputError('not a folder of dictionaries', folder)
  } catch (error) {
    if (error instanceof InputError) throw error
    if (option === undefined) return undefined
    throw new InputError(systemErrorMessage(error), folder, { cause: error })
  }
}
