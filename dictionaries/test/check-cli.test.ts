// The "done when", through the real command line: `mapdown check` passes for
// the whole library, `mapdown check --strict` for every dictionary but the original,
// and the original fails --strict only because of its known warnings.

import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { dictionaryFolders, DICTIONARIES_DIR, ORIGINAL_DICTIONARY } from '../scripts/library.js'


const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'packages/cli/dist/bin.js')

function mapdown(args: string[]) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`)
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
}

/** Every dictionary file but the original, relative to the repository root. */
function newDictionaries(): string[] {
  return dictionaryFolders()
    .flatMap((folder) => readdirSync(join(DICTIONARIES_DIR, folder)).filter((f) => f.endsWith('.md')).map((f) => `${folder}/${f}`))
    .filter((path) => path !== ORIGINAL_DICTIONARY)
    .map((path) => relative(ROOT, join(DICTIONARIES_DIR, path)))
}

describe('mapdown check on the library', () => {
  it('should pass for all of dictionaries/', () => {
    const run = mapdown(['check', 'dictionaries'])
    expect(run.status, run.stderr).toBe(0)
  })

  it('should pass --strict for every dictionary but the original', () => {
    const files = newDictionaries()
    expect(files.length).toBeGreaterThanOrEqual(10)
    const run = mapdown(['check', '--strict', ...files])
    expect(run.status, run.stderr + run.stdout).toBe(0)
  })

  it('should fail --strict on the original, for its warnings', () => {
    const run = mapdown(['check', '--strict', relative(ROOT, join(DICTIONARIES_DIR, ORIGINAL_DICTIONARY))])
    expect(run.status).toBe(1)
    expect(run.stdout + run.stderr).toMatch(/warning/)
  })
})
