// The `mapdown` command of a checkout (README, Quickstart): `pnpm install`
// links it into node_modules/.bin, before any build, so that after the
// Quickstart's first command `pnpm exec mapdown` (or `npx mapdown`, or
// `node_modules/.bin/mapdown`) runs the CLI from the repository root.

import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }).version
/** pnpm as the tests were started with it (`pnpm test`, `npx pnpm@… exec vitest`), else the one on PATH. */
const PNPM = process.env.npm_execpath !== undefined && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['pnpm']
/** What a fresh clone does not have: installed and built files (all git-ignored). */
const NOT_IN_A_CLONE = new Set(['node_modules', 'dist', '.turbo', '.git', '.data', 'coverage'])

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function run(command: string[], cwd: string) {
  const [file, ...args] = command as [string, ...string[]]
  const result = spawnSync(file, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the mapdown command of a checkout', () => {
  it('should run from the repository root once built: node_modules/.bin/mapdown and pnpm exec mapdown', () => {
    expect(run([join(ROOT, 'node_modules/.bin/mapdown'), '--version'], ROOT)).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' })
    const viaPnpm = run([...PNPM, 'exec', 'mapdown', '--version'], ROOT)
    expect(viaPnpm.status, viaPnpm.stderr).toBe(0)
    expect(viaPnpm.stdout).toBe(`${VERSION}\n`)
  })

  it('should be linked by `pnpm install` in a fresh clone, before the build, and say what to do', () => {
    const clone = mkdtempSync(join(tmpdir(), 'mapdown-clone-'))
    folders.push(clone)
    cpSync(ROOT, clone, { recursive: true, filter: (source) => !relative(ROOT, source).split(sep).some((part) => NOT_IN_A_CLONE.has(part) || part.endsWith('.tsbuildinfo')) })
    // The Quickstart's install step; the packages come from pnpm's store (the registry only for what it lacks).
    const install = run([...PNPM, 'install', '--frozen-lockfile', '--prefer-offline', '--ignore-scripts'], clone)
    expect(install.status, install.stderr + install.stdout).toBe(0)
    const beforeBuild = run([join(clone, 'node_modules/.bin/mapdown'), '--version'], clone)
    expect(beforeBuild).toEqual({ status: 1, stdout: '', stderr: 'mapdown: the CLI is not built yet: run `pnpm build` (or the Quickstart) first\n' })
  })
})
