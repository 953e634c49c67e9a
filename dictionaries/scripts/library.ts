// Where the dictionary library lives and how to compile all of it.

import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileFiles, type CompileResult } from '@mapdown/compiler'

export const DICTIONARIES_DIR = fileURLToPath(new URL('..', import.meta.url))
export const README_PATH = join(DICTIONARIES_DIR, 'README.md')

/** The user's original dictionary (relative to DICTIONARIES_DIR). It is never edited. */
export const ORIGINAL_DICTIONARY = 'sentinelone/network-connection.md'
export const ORIGINAL_SHA256 = '6e8a581a9f1be36712a48f128baec0d4f0a58fcdbf9d5b8d783e84402d47cc16'

/** Folders of dictionaries/ that hold no dictionaries (tooling, and the schemas' crosswalks). */
const NOT_DICTIONARY_FOLDERS = new Set(['scripts', 'schemas', 'test', 'node_modules'])

/**
 * The folders of dictionaries, one per `log.type` (sorted). Files directly in
 * dictionaries/ (README.md, package.json) are documentation and tooling.
 */
export function dictionaryFolders(): string[] {
  return readdirSync(DICTIONARIES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !NOT_DICTIONARY_FOLDERS.has(entry.name))
    .map((entry) => entry.name)
    .sort()
}

/** Where the target schemas (crosswalk documents, docs/schemas.md) live. */
export const SCHEMAS_DIR = join(DICTIONARIES_DIR, 'schemas')

/** Compiles every dictionary of the library and its schemas (as the CLI does), with paths relative to dictionaries/. */
export function compileLibrary(): Promise<CompileResult> {
  return compileFiles(
    [...dictionaryFolders().map((folder) => join(DICTIONARIES_DIR, folder)), SCHEMAS_DIR],
    { cwd: DICTIONARIES_DIR },
  )
}
