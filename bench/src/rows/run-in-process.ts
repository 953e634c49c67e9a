/**
 * Runs the in-process rows. Each measurement is a fresh child process (see
 * inproc/child.ts) that warms up and times one pass; the rows take turns
 * (round 1 of every row, then round 2, ...) so that load from elsewhere on a
 * shared machine spreads over all rows instead of sinking one of them.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ChildReport } from '../inproc/child.js'
import { summarize } from '../measure/stats.js'
import { BENCH_DIST } from '../paths.js'
import type { InProcessRowDef } from './plan.js'
import { newRowResult, type RowResult } from './result.js'

const run = promisify(execFile)

export interface InProcessInput {
  dataPath: string
  events: number
  warmup: number
}

export interface InProcessRowRun {
  def: InProcessRowDef
  /** Null when the row cannot run: then `skipped` says why. */
  input: InProcessInput | null
  skipped?: { status: 'failed' | 'unavailable'; reason: string }
}

export async function runInProcessRows(rows: readonly InProcessRowRun[], runs: number, log: (message: string) => void): Promise<RowResult[]> {
  const results = rows.map(({ def, skipped }) => ({ ...newRowResult(def, 'in-process'), ...(skipped ?? {}) }) as RowResult)
  const samples: number[][] = rows.map(() => [])
  for (let round = 0; round < runs; round++) {
    for (const [index, { def, input }] of rows.entries()) {
      const result = results[index] as RowResult
      if (result.status !== 'ok' || input === null) continue
      log(`${def.id}: run ${round + 1}/${runs}`)
      const report = await runChild(def, input)
      if (!report.ok) {
        Object.assign(result, { status: report.unavailable ? 'unavailable' : 'failed', reason: report.reason })
        continue
      }
      samples[index]?.push(...report.eventsPerSecond)
      if (round === 0) {
        result.events = report.events
        if (report.events !== input.events) result.notes.push(`read ${report.events} events, expected ${input.events}`)
        if (report.rejected > 0) result.notes.push(`${report.rejected} rejected`)
        if (report.stats !== null) result.notes.push(`engine stats for one pass: ${describeStats(report.stats)}`)
      }
    }
  }
  return results.map((result, index) => {
    const values = samples[index] ?? []
    return result.status === 'ok' && values.length > 0 ? { ...result, eventsPerSecond: summarize(values) } : result
  })
}

async function runChild(def: InProcessRowDef, input: InProcessInput): Promise<ChildReport> {
  const args = [
    '--max-old-space-size=4096',
    join(BENCH_DIST, 'inproc', 'child.js'),
    '--mapper', def.mapper,
    '--data', input.dataPath,
    '--runs', '1',
    '--warmup', String(input.warmup),
  ]
  let stdout: string
  try {
    stdout = (await run(process.execPath, args, { maxBuffer: 16 << 20 })).stdout
  } catch (error) {
    // The child prints its report even when it fails; exit code 1 lands here.
    stdout = (error as { stdout?: string }).stdout ?? ''
    if (stdout.trim() === '') return { ok: false, unavailable: false, reason: (error as Error).message }
  }
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildReport
}

function describeStats(stats: unknown): string {
  const { mapped, rejected, rejectedByReason, mappedByDictionary } = stats as {
    mapped?: number
    rejected?: number
    rejectedByReason?: Record<string, number>
    mappedByDictionary?: Record<string, number>
  }
  const reasons = Object.entries(rejectedByReason ?? {}).map(([reason, count]) => `${reason} ${count}`)
  const dictionaries = Object.keys(mappedByDictionary ?? {}).length
  return `mapped ${mapped ?? '?'} by ${dictionaries} dictionaries, rejected ${rejected ?? '?'}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`
}
