/**
 * `@mapdown/worker` (and with it the NATS client) is optional: a user who only
 * compiles and maps does not install it. It is imported when `mapdown worker` runs.
 */
import { InputError } from '../errors.js'

export type WorkerPackage = typeof import('@mapdown/worker')

const PACKAGE = '@mapdown/worker'

/** Imports `@mapdown/worker`; a missing package is an InputError that says how to install it. */
export async function loadWorkerPackage(importPackage: () => Promise<WorkerPackage> = () => import('@mapdown/worker')): Promise<WorkerPackage> {
  try {
    return await importPackage()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error
    // The package itself, or something it needs (the NATS client), is missing.
    const missing = /Cannot find (?:package|module) '([^']+)'/.exec((error as Error).message)?.[1]
    if (missing === undefined || missing === PACKAGE || missing.includes(`/${PACKAGE}/`)) {
      throw new InputError(`the \`worker\` command needs the ${PACKAGE} package, which is not installed (npm install ${PACKAGE})`, undefined, { cause: error })
    }
    throw new InputError(`${PACKAGE} is installed but cannot be loaded: \`${missing}\` is missing (reinstall ${PACKAGE})`, undefined, { cause: error })
  }
}
