/** Where things are, computed from this file's place (bench/src/paths.ts, or bench/dist/paths.js once built). */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

export const REPO_ROOT = resolve(here, '..', '..')
export const BENCH_DIST = join(REPO_ROOT, 'bench', 'dist')
export const DATA_DIR = join(REPO_ROOT, 'bench', '.data')
export const DICTIONARIES_DIR = join(REPO_ROOT, 'dictionaries')
export const ORIGINAL_DICTIONARY = join(REPO_ROOT, 'dictionaries', 'sentinelone', 'network-connection.md')
/** The library's Cloud Funnel IP dictionary (with its partials): the Cloud Funnel rows map with it. */
export const CLOUD_FUNNEL_DICTIONARY = join(REPO_ROOT, 'dictionaries', 'sentinelone-cloud-funnel', 'ip.md')
export const CLI_BIN = join(REPO_ROOT, 'packages', 'cli', 'dist', 'bin.js')
