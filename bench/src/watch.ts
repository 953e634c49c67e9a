/**
 * `pnpm bench:watch`: how long `mapdown check --watch` takes to answer a save.
 *
 * One `check --watch` process checks the library's Cloud Funnel IP dictionary
 * (`sentinelone-cloud-funnel/ip.md`, 111 sample keys, two partials included)
 * in a copy of the whole library (`dictionaries/`), as an author editing it
 * would. After its first run, the file is saved RUNS times (alternately with
 * and without a blank line at its end); each save is timed from the write to
 * the status line of the run that answers it (the file system's
 * notification, the settle delay, compiling, mapping the samples and writing
 * the report). The status line's own figure (the run alone) is kept too.
 * Target: under 200 ms for one file (issue 15).
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { summarize, type Summary } from './measure/stats.js'
import { CLI_BIN, DICTIONARIES_DIR } from './paths.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 21)
const TARGET_MS = 200
const EDITED = join('sentinelone-cloud-funnel', 'ip.md')
const STATUS = /^mapdown check: (\d+) errors?, (\d+) warnings? in (\d+) ms; watching/gm

async function main(): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'mapdown-bench-watch-'))
  // The dictionaries only: the library's tests and scripts are no dictionaries.
  cpSync(DICTIONARIES_DIR, folder, { recursive: true, filter: (source) => !/[/\\](test|scripts|node_modules)$/.test(source) })
  const dictionary = join(folder, EDITED)
  const original = readFileSync(dictionary, 'utf8')
  const texts = [original, `${original}\n`]
  const child = spawn(process.execPath, [CLI_BIN, 'check', '--watch', '--library', '.', EDITED], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  })
  let stderr = ''
  let notify: (() => void) | undefined
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
    notify?.()
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  const statuses = () => [...stderr.matchAll(STATUS)].map((match) => ({ errors: Number(match[1]), warnings: Number(match[2]), ms: Number(match[3]) }))
  /** The first status line after `count` lines, and when it arrived. */
  const answer = async (count: number) => {
    for (;;) {
      const found = statuses()[count]
      if (found !== undefined) return { at: performance.now(), status: found }
      const more = new Promise<void>((resolve) => (notify = resolve))
      if ((await Promise.race([more.then(() => 'more'), exited.then(() => 'exited')])) === 'exited') throw new Error(`check --watch ended:\n${stderr}`)
    }
  }

  try {
    const first = await answer(0)
    const startMs = first.status.ms
    if (first.status.errors > 0) throw new Error(`${EDITED} has errors:\n${stderr}`)
    const saveToReport: number[] = []
    const runOnly: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const before = statuses().length
      const saved = performance.now()
      writeFileSync(dictionary, texts[(run + 1) % 2] as string)
      const { at, status } = await answer(before)
      saveToReport.push(at - saved)
      runOnly.push(status.ms)
    }
    const report = { runs: RUNS, dictionary: EDITED, warnings: first.status.warnings, firstRunMs: startMs, saveToReportMs: summarize(saveToReport), runMs: summarize(runOnly), targetMs: TARGET_MS }
    const line = (name: string, summary: Summary) => `${name}: ${summary.median.toFixed(0)} ms median (${summary.min.toFixed(0)}–${summary.max.toFixed(0)}, ${summary.runs} saves)`
    process.stdout.write(
      [
        `check --watch ${EDITED} in a copy of the library (${RUNS} saves; ${first.status.warnings} warnings each run)`,
        `  first run (thread start, compiler load, cold parse): ${startMs} ms`,
        `  ${line('save to report', report.saveToReportMs)}; target under ${TARGET_MS} ms: ${report.saveToReportMs.median < TARGET_MS ? 'met' : 'NOT met'}`,
        `  ${line('the run alone (its status line)', report.runMs)}`,
        JSON.stringify(report),
        '',
      ].join('\n'),
    )
    return 0
  } finally {
    child.kill('SIGINT')
    await exited
    rmSync(folder, { recursive: true, force: true })
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`[bench:watch] ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 1
  },
)
