/**
 * Golden tests: each folder under `test/fixtures/` (and `test/fixtures/_error_/`)
 * holding a `cmd.json` is one run of the real CLI. `cmd.json`:
 *
 *   { "args": [...], "cwd": "case" | "root", "stdin"?: "file in the case folder" }
 *
 * `cwd` is the case folder (default) or the repository root. `{tmp}` in an
 * argument is a fresh temporary folder; every file the run writes there is
 * compared with `expected.<name>` in the case folder. stdout, stderr and the
 * exit code are compared with `expected.stdout`, `expected.stderr` and
 * `expected.exit`. `UPDATE_FIXTURES=1` rewrites the expected files (review the diff).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { normaliseTimings, REPO_ROOT, runCli } from './helpers/run-cli.js'

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))
const UPDATE = process.env.UPDATE_FIXTURES === '1'

interface Command {
  readonly args: readonly string[]
  readonly cwd?: 'case' | 'root'
  readonly stdin?: string
}

function cases(folder: string, prefix = ''): Array<[string, string]> {
  const found: Array<[string, string]> = []
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue
    const path = join(folder, entry.name)
    if (entry.name === '_error_') found.push(...cases(path, '_error_/'))
    else if (existsSync(join(path, 'cmd.json'))) found.push([prefix + entry.name, path])
  }
  return found
}

const temporaryFolders: string[] = []
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true })
})

function compare(caseFolder: string, name: string, actual: string): void {
  const path = join(caseFolder, name)
  if (UPDATE) {
    writeFileSync(path, actual)
    return
  }
  expect(existsSync(path), `${name} is missing (UPDATE_FIXTURES=1 writes it)`).toBe(true)
  expect(actual, name).toBe(readFileSync(path, 'utf8'))
}

describe('mapdown (golden files)', () => {
  it.each(cases(FIXTURES))('%s', async (_name, caseFolder) => {
    const command = JSON.parse(readFileSync(join(caseFolder, 'cmd.json'), 'utf8')) as Command
    const tmp = mkdtempSync(join(tmpdir(), 'mapdown-cli-'))
    temporaryFolders.push(tmp)
    const args = command.args.map((arg) => arg.replaceAll('{tmp}', tmp))
    const stdin = command.stdin === undefined ? undefined : readFileSync(join(caseFolder, command.stdin))
    const result = await runCli(args, { cwd: command.cwd === 'root' ? REPO_ROOT : caseFolder, stdin })

    compare(caseFolder, 'expected.stdout', normaliseTimings(result.stdout.replaceAll(tmp, '{tmp}')))
    compare(caseFolder, 'expected.stderr', normaliseTimings(result.stderr.replaceAll(tmp, '{tmp}')))
    compare(caseFolder, 'expected.exit', `${result.exit}\n`)
    const written = readdirSync(tmp).sort()
    for (const name of written) compare(caseFolder, `expected.${name}`, readFileSync(join(tmp, name), 'utf8'))
    if (!UPDATE) {
      // A run that should have written a file but did not is a failure too.
      const expectedFiles = readdirSync(caseFolder)
        .filter((name) => name.startsWith('expected.') && !['expected.stdout', 'expected.stderr', 'expected.exit'].includes(name))
        .map((name) => name.slice('expected.'.length))
        .sort()
      expect(written).toEqual(expectedFiles)
    }
  })
})
