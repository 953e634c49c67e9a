/**
 * Reads a corpus folder: one sub-folder per case, each with its input (a file
 * `input.<ext>`, or a `make.mjs` that writes it when it is too big to commit)
 * and `expected.json` (what must happen). Folders starting with `_` are shared
 * material (the events' dictionaries), not cases.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface CorpusCase<Expected> {
  readonly name: string
  readonly folder: string
  readonly expected: Expected
  /** Writes the case's input to `path` (a copy of the committed file, or what `make.mjs` builds). */
  writeInput(path: string): Promise<void>
}

export class CorpusError extends Error {
  override readonly name = 'CorpusError'
}

export function readCorpus<Expected>(root: string, inputName: string): CorpusCase<Expected>[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = join(root, name)
      const expectedPath = join(folder, 'expected.json')
      if (!existsSync(expectedPath)) throw new CorpusError(`Missing expected.json in corpus case ${folder}`)
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected
      const committed = join(folder, inputName)
      const maker = join(folder, 'make.mjs')
      const hasInput = existsSync(committed)
      const hasMaker = existsSync(maker)
      if (hasInput === hasMaker) throw new CorpusError(`Expected exactly one of ${inputName} or make.mjs in corpus case ${folder}`)
      const writeInput = hasInput
        ? (path: string) => copyFile(committed, path)
        : async (path: string) => {
            const module = (await import(pathToFileURL(maker).href)) as { default: (path: string) => Promise<void> | void }
            await module.default(path)
          }
      return { name, folder, expected, writeInput }
    })
}
