/**
 * What a hostile input must never do to the process that reads it: pollute a
 * prototype, set a global, or leave a file behind.
 */
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The global a hostile dictionary or event tries to set. */
export const CANARY = '__mapdownCanary'

/** The file name hostile JSONPath and YAML try to create (`touch mapdown-pwned`). */
export const PWNED_FILE = 'mapdown-pwned'

const PROTOTYPES: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
]

/** The own keys of the built-in prototypes, and the global canary, to compare before and after a run. */
export function snapshotGlobals(): string {
  const keys = PROTOTYPES.map(([name, prototype]) => `${name}: ${Reflect.ownKeys(prototype).map(String).sort().join(',')}`)
  return [...keys, `canary: ${String((globalThis as Record<string, unknown>)[CANARY])}`].join('\n')
}

/** The properties a pollution attempt would make visible on a fresh object. */
export function pollutionSigns(): Record<string, unknown> {
  const fresh = {} as Record<string, unknown>
  return { polluted: fresh['polluted'], canary: (globalThis as Record<string, unknown>)[CANARY], arrayPolluted: ([] as unknown as Record<string, unknown>)['polluted'] }
}

export const CLEAN_SIGNS = { polluted: undefined, canary: undefined, arrayPolluted: undefined }

/** Every file under `folder`, relative to it, sorted. */
export function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort()
}
