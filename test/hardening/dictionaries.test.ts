/**
 * The hostile dictionary corpus: `corpus/dictionaries/<case>/` holds an
 * `input.md` (or a `make.mjs` that writes it) and `expected.json`. A new case
 * is a new folder.
 *
 * For every case, through the real CLI (`mapdown compile --format json` and
 * `mapdown check`, child processes with a time bound) and then in this
 * process (`compileSources`):
 * - it terminates within the bound, with the expected exit code;
 * - the expected diagnostics are reported, never an `internal-error`;
 * - a file with an error contributes no dictionary;
 * - no prototype is polluted, no global set, no file written, no code run.
 *
 * Inputs over `IN_PROCESS_LIMIT` (the 10 MB cells) are only run through the
 * CLI: parsing them twice would double the suite's time for no new evidence.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import { compileSources } from '@mapdown/compiler'
import { BOUNDED_TEST_TIMEOUT_MS, HANG_BOUND_SECONDS, runCliBounded } from './support/cli.js'
import { readCorpus } from './support/corpus.js'
import { CLEAN_SIGNS, PWNED_FILE, listFiles, pollutionSigns, snapshotGlobals } from './support/guards.js'

// Bounded in CPU time per child (support/cli.ts); the test's own wall-clock timeout sits above the backstop.
vi.setConfig({ testTimeout: BOUNDED_TEST_TIMEOUT_MS })

interface DictionaryExpectation {
  /** What the case tries, in one line (shown in docs/reliability.md). */
  about: string
  /** `error`: refused with at least one error; `compiles`: usable, warnings allowed. */
  outcome: 'error' | 'compiles'
  /** `ruleId:severity` pairs that must each be reported at least once. */
  messages: string[]
  /** How many dictionaries the IR holds. */
  dictionaries: number
}

interface JsonReport {
  path: string
  messages: { ruleId: string | null; severity: string; message: string }[]
}

const IN_PROCESS_LIMIT = 2 * 1024 * 1024
const CORPUS = fileURLToPath(new URL('./corpus/dictionaries/', import.meta.url))
const cases = readCorpus<DictionaryExpectation>(CORPUS, 'input.md')
const work = mkdtempSync(join(tmpdir(), 'mapdown-hardening-dict-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function pairs(messages: readonly { ruleId: string | null; severity: string }[]): string[] {
  return [...new Set(messages.map((message) => `${message.ruleId}:${message.severity}`))].sort()
}

describe('hostile dictionaries', () => {
  it('should have cases', () => {
    expect(cases.length).toBeGreaterThan(20)
  })

  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.expected.about}`, async () => {
      const { expected } = testCase
      const cwd = join(work, testCase.name)
      const inputDir = join(cwd, 'dictionaries')
      mkdirSync(inputDir, { recursive: true })
      const input = join(inputDir, 'input.md')
      await testCase.writeInput(input)
      onTestFinished(() => rmSync(cwd, { recursive: true, force: true }))
      const before = listFiles(cwd)
      const globalsBefore = snapshotGlobals()

      // 1. The real CLI, bounded: a hang fails here instead of hanging the suite.
      const run = runCliBounded(['compile', 'dictionaries/input.md', '--format', 'json'], cwd)
      expect(run.timedOut, `mapdown compile used more than ${HANG_BOUND_SECONDS} s of CPU`).toBe(false)
      expect(run.exit).toBe(expected.outcome === 'error' ? 1 : 0)
      const report = JSON.parse(run.stderr) as JsonReport[]
      const cliPairs = pairs(report.flatMap((file) => file.messages))
      expect(cliPairs).not.toContain('internal-error:error')
      expect(cliPairs).toEqual(expect.arrayContaining(expected.messages))
      if (expected.outcome === 'compiles') {
        const ir = JSON.parse(run.stdout) as { dictionaries: unknown[] }
        expect(ir.dictionaries).toHaveLength(expected.dictionaries)
      } else {
        expect(run.stdout).toBe('')
      }
      expect(listFiles(cwd), 'mapdown compile wrote a file').toEqual(before)
      expect(existsSync(join(tmpdir(), PWNED_FILE))).toBe(false)

      // `mapdown check` compiles, maps the sample, and reports in the default
      // text format (vfile-reporter), the path a pull request check takes.
      const check = runCliBounded(['check', 'dictionaries/input.md'], cwd)
      expect(check.timedOut, `mapdown check used more than ${HANG_BOUND_SECONDS} s of CPU`).toBe(false)
      expect(check.exit, check.stderr.slice(0, 2000)).toBe(expected.outcome === 'error' ? 1 : 0)
      expect(check.stdout + check.stderr, 'a stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
      expect(listFiles(cwd), 'mapdown check wrote a file').toEqual(before)

      // 2. In this process: the same verdict, and nothing leaks into the runtime.
      const contents = readFileSync(input)
      if (contents.length > IN_PROCESS_LIMIT) return
      const result = compileSources([{ path: 'dictionaries/input.md', contents }], { cwd })
      const messages = result.files.flatMap((file) => file.messages)
      const inProcessPairs = pairs(messages.map((message) => ({ ruleId: message.ruleId ?? null, severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info' })))
      expect(inProcessPairs).toEqual(cliPairs)
      expect(result.ir.dictionaries).toHaveLength(expected.dictionaries)
      expect(result.errorCount > 0).toBe(expected.outcome === 'error')
      expect(pollutionSigns()).toEqual(CLEAN_SIGNS)
      expect(snapshotGlobals()).toBe(globalsBefore)
      expect(listFiles(cwd)).toEqual(before)
    })
  }
})
