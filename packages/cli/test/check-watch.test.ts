/**
 * `mapdown check --watch`: each save is checked again in the same process,
 * and SIGINT / SIGTERM end the watch with 130 / 143, as for `mapdown map`.
 * The test waits for each report by its content (the status line of the
 * n-th run), never for a time; how fast a run is lives in bench/ (watch.ts).
 */
import { spawn } from 'node:child_process'
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { BIN } from './helpers/run-cli.js'

vi.setConfig({ testTimeout: 300_000 })

const LIBRARY = fileURLToPath(new URL('./fixtures/_library/', import.meta.url))
/** A new Cloud Funnel dictionary that types `process_id` as `string` where the library says `integer`. */
const VOCABULARY_CONFLICT = fileURLToPath(new URL('./fixtures/_error_/check-library-vocabulary/ip-listen.md', import.meta.url))
const STRING_ROW = '| process_id | src.process.pid | string |'
const INTEGER_ROW = '| process_id | src.process.pid | integer |'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function workFolder(): { folder: string; dictionary: string } {
  const folder = mkdtempSync(join(tmpdir(), 'mapdown-watch-'))
  folders.push(folder)
  const dictionary = join(folder, 'ip-listen.md')
  copyFileSync(VOCABULARY_CONFLICT, dictionary)
  return { folder, dictionary }
}

/** The status line after each run, on stderr: its counts, or `failed`. */
const STATUS = /^mapdown check: (?:(\d+) errors?, (\d+) warnings? in \d+ ms|(failed)); watching ip-listen\.md, .+ \(Ctrl-C stops\)$/gm

/** `check --watch` as a user starts it; `runs(n)` resolves once the n-th run's status line is out. */
function startWatch(cwd: string, stdout: 'pipe' | number, path = 'ip-listen.md') {
  const child = spawn(process.execPath, [BIN, 'check', '--watch', '--library', LIBRARY, path], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', stdout, 'pipe'],
  })
  let stdoutText = ''
  let stderr = ''
  const waiting: { count: number; resolve: (statuses: string[][]) => void }[] = []
  const statuses = () => [...stderr.matchAll(STATUS)].map((match) => (match[3] === undefined ? [match[1] ?? '', match[2] ?? ''] : [match[3]]))
  const settle = () => {
    for (const waiter of [...waiting]) {
      if (statuses().length < waiter.count) continue
      waiting.splice(waiting.indexOf(waiter), 1)
      waiter.resolve(statuses())
    }
  }
  const reading: { from: number; pattern: RegExp; resolve: () => void }[] = []
  const settleStdout = () => {
    for (const reader of [...reading]) {
      if (!reader.pattern.test(stdoutText.slice(reader.from))) continue
      reading.splice(reading.indexOf(reader), 1)
      reader.resolve()
    }
  }
  child.stdout?.on('data', (chunk: Buffer) => {
    stdoutText += chunk.toString('utf8')
    settleStdout()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
    settle()
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  return {
    child,
    exited,
    stdout: () => stdoutText,
    /** Resolves once stdout from offset `from` on matches `pattern` (stdout and stderr are two pipes: a status line can arrive before the report it follows). */
    output: (from: number, pattern: RegExp) =>
      Promise.race([
        new Promise<void>((resolve) => {
          reading.push({ from, pattern, resolve })
          settleStdout()
        }),
        exited.then((code) => Promise.reject(new Error(`check --watch ended (exit ${code}) before its stdout matched ${pattern}:\n${stdoutText}`))),
      ]),
    stderr: () => stderr,
    /** Resolves with [errors, warnings] of every run so far once there were `count` runs; rejects if the process ends first. */
    runs: (count: number) =>
      Promise.race([
        new Promise<string[][]>((resolve) => {
          waiting.push({ count, resolve })
          settle()
        }),
        exited.then((code) => Promise.reject(new Error(`check --watch ended (exit ${code}) before run ${count}:\n${stderr}`))),
      ]),
  }
}

/**
 * Waits for the first run after `after` runs that ends with `expected` ([errors, warnings]).
 * A save can make more than one run (a write seen half done, then whole): only the last state counts.
 */
async function until(watch: ReturnType<typeof startWatch>, after: number, expected: string[]): Promise<number> {
  for (let count = after + 1; ; count++) {
    const statuses = await watch.runs(count)
    if (statuses.at(-1)?.join() === expected.join()) return statuses.length
  }
}

describe('mapdown check --watch', () => {
  it('should check again on each save, and end with 130 on SIGINT', async () => {
    const { folder, dictionary } = workFolder()
    const watch = startWatch(folder, 'pipe')

    expect(await watch.runs(1)).toEqual([['0', '1']])
    await watch.output(0, /⚠ 1 warning\n$/)
    expect(watch.stdout()).toMatch(/standard-name-type/)
    const firstReport = watch.stdout().length

    // The author fixes the type: a run finds nothing.
    writeFileSync(dictionary, readFileSync(dictionary, 'utf8').replace(STRING_ROW, INTEGER_ROW))
    const fixed = await until(watch, 1, ['0', '0'])
    await watch.output(firstReport, /ip-listen\.md: no issues found\n$/)

    // An editor that saves by renaming a new file over the old one is seen too.
    const beforeRename = watch.stdout().length
    const saved = join(folder, '.ip-listen.md.tmp')
    writeFileSync(saved, readFileSync(dictionary, 'utf8').replace(INTEGER_ROW, STRING_ROW))
    renameSync(saved, dictionary)
    await until(watch, fixed, ['0', '1'])
    await watch.output(beforeRename, /standard-name-type[^]*⚠ 1 warning\n$/)

    watch.child.kill('SIGINT')
    expect(await watch.exited).toBe(130)
  })

  it('should write a report per run to a stdout that is a file, and end with 143 on SIGTERM', async () => {
    const { folder, dictionary } = workFolder()
    const reportPath = join(folder, 'report.txt')
    const fd = openSync(reportPath, 'w')
    const watch = startWatch(folder, fd)
    closeSync(fd)

    await watch.runs(1)
    writeFileSync(dictionary, readFileSync(dictionary, 'utf8').replace(STRING_ROW, INTEGER_ROW))
    await until(watch, 1, ['0', '0'])

    watch.child.kill('SIGTERM')
    expect(await watch.exited).toBe(143)
    const report = readFileSync(reportPath, 'utf8')
    // Both reports, one after the other: the first with the vocabulary warning, the second clean.
    expect(report.indexOf('standard-name-type')).toBeGreaterThan(-1)
    expect(report.indexOf('ip-listen.md: no issues found')).toBeGreaterThan(report.indexOf('standard-name-type'))
    expect(watch.stderr()).not.toMatch(/^mapdown: /m)
  })

  it('should report a run that fails (the file gone mid-save) and go on watching', async () => {
    const { folder, dictionary } = workFolder()
    const text = readFileSync(dictionary, 'utf8')
    const watch = startWatch(folder, 'pipe')
    await watch.runs(1)

    rmSync(dictionary)
    expect((await watch.runs(2))[1]).toEqual(['failed'])
    // (A removal is one event: exactly one run, which fails.)
    expect(watch.stderr()).toMatch(/^mapdown: ip-listen\.md: no such file or directory$/m)

    writeFileSync(dictionary, text.replace(STRING_ROW, INTEGER_ROW))
    await until(watch, 2, ['0', '0'])

    watch.child.kill('SIGINT')
    expect(await watch.exited).toBe(130)
  })

  it('should refuse a path that does not exist, watching nothing (exit 1)', async () => {
    const { folder } = workFolder()
    const watch = startWatch(folder, 'pipe', 'missing.md')
    expect(await watch.exited).toBe(1)
    expect(watch.stderr()).toBe('mapdown: missing.md: no such file or directory\n')
  })
})
