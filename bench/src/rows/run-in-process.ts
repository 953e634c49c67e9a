/** Runs one in-process row in its own child process (see inproc/child.ts) and turns its report into a RowResult. */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ChildReport } from '../inproc/child.js'
import { summarize } from '../measure/stats.js'
import { BENCH_DIST } from '../paths.js'
import type { InProcessRowDef } from './plan.js'
import type { RowResult } from './result.js'

const run = promisify(execFile)

export interface InProcessRun {
  dataPath: string
  events: number
  runs: number
  warmup: number
}

export async function runInProcessRow(def: InProcessRowDef, input: InProcessRun): Promise<RowResult> {
  const base: RowResult = {
    id: def.id,
    label: def.label,
    dataset: def.dataset,
    mode: 'in-process',
    status: 'ok',
    notes: [],
    ...(def.handwrittenRef === undefined ? {} : { handwrittenRef: def.handwrittenRef }),
    ...(def.floorRef === undefined ? {} : { floorRef: def.floorRef }),
  }
  const args = [
    '--max-old-space-size=4096',
    join(BENCH_DIST, 'inproc', 'child.js'),
    '--mapper', def.mapper,
    '--data', input.dataPath,
    '--runs', String(input.runs),
    '--warmup', String(input.warmup),
  ]
  let stdout: string
  try {
    stdout = (await run(process.execPath, args, { maxBuffer: 16 << 20 })).stdout
  } catch (error) {
    // The child prints its report even when it fails; exit code 1 lands here.
    stdout = (error as { stdout?: string }).stdout ?? ''
    if (stdout.trim() === '') return { ...base, status: 'failed', reason: (error as Error).message }
  }
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildReport
  if (!report.ok) return { ...base, status: report.unavailable ? 'unavailable' : 'failed', reason: report.reason }
  const result: RowResult = { ...base, events: report.events, eventsPerSecond: summarize(report.eventsPerSecond) }
  if (report.events !== input.events) result.notes.push(`read ${report.events} events, expected ${input.events}`)
  if (report.rejected > 0) result.notes.push(`${report.rejected} rejected`)
  if (report.stats !== null) result.notes.push(`engine stats: ${describeStats(report.stats)}`)
  return result
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
