/**
 * Runs the whole-process rows: each row N times, interleaved (run 1 of every
 * row, then run 2 of every row, ...) so that a burst of load from elsewhere
 * on the machine spreads over all rows instead of sinking one. After every
 * run the output is checked; a row whose output is wrong is marked failed
 * and its timings are not reported.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { countLines, readFirstLines, sha256File } from '../measure/files.js'
import { runProcess } from '../measure/run-process.js'
import { summarize } from '../measure/stats.js'
import type { ProcessRowDef } from './plan.js'
import { newRowResult, type Dataset, type RowResult } from './result.js'

export interface ProcessInput {
  path: string
  events: number
}

export interface ProcessRunContext {
  inputs: Partial<Record<Dataset, ProcessInput>>
  runs: number
  outDir: string
  /** The hand-written mapper's output for the first lines of each dataset it maps. */
  referenceLines: Partial<Record<Dataset, readonly string[]>>
  log(message: string): void
}

interface RowState {
  def: ProcessRowDef
  result: RowResult
  wallMs: number[]
  rssBytes: number[]
  firstOutputHash?: string
}

export async function runProcessRows(defs: readonly ProcessRowDef[], context: ProcessRunContext): Promise<RowResult[]> {
  mkdirSync(context.outDir, { recursive: true })
  const states: RowState[] = defs.map((def) => ({
    def,
    wallMs: [],
    rssBytes: [],
    result: newRowResult(def, 'whole-process'),
  }))
  for (const state of states) {
    const missing = state.def.unavailable()
    if (missing !== null) Object.assign(state.result, { status: 'unavailable', reason: missing })
    else if (context.inputs[state.def.dataset] === undefined) Object.assign(state.result, { status: 'unavailable', reason: `no ${state.def.dataset} input` })
  }
  for (let run = 0; run < context.runs; run++) {
    for (const state of states) {
      if (state.result.status !== 'ok') continue
      const input = context.inputs[state.def.dataset] as ProcessInput
      const output = join(context.outDir, `${state.def.id}.ndjson`)
      context.log(`${state.def.id}: run ${run + 1}/${context.runs}`)
      const measured = await runProcess(state.def.command(input.path, output))
      if (measured.exitCode !== 0) {
        fail(state, `exit code ${measured.exitCode}: ${measured.stderr.trim().slice(-2000)}`)
        continue
      }
      const problem = await checkOutput(state, input, output, measured.stderr, run === 0, context, states)
      if (problem !== null) {
        fail(state, problem)
        continue
      }
      state.wallMs.push(measured.wallMs)
      if (measured.peakRssBytes !== null) state.rssBytes.push(measured.peakRssBytes)
    }
  }
  return states.map((state) => {
    if (state.result.status !== 'ok' || state.wallMs.length === 0) return state.result
    const events = (context.inputs[state.def.dataset] as ProcessInput).events
    return {
      ...state.result,
      events,
      eventsPerSecond: summarize(state.wallMs.map((ms) => events / (ms / 1000))),
      ...(state.rssBytes.length > 0 ? { peakRssMb: summarize(state.rssBytes.map((bytes) => bytes / (1024 * 1024))) } : {}),
    }
  })
}

function fail(state: RowState, reason: string): void {
  state.result.status = 'failed'
  state.result.reason = reason
}

async function checkOutput(
  state: RowState,
  input: ProcessInput,
  output: string,
  stderr: string,
  firstRun: boolean,
  context: ProcessRunContext,
  states: readonly RowState[],
): Promise<string | null> {
  for (const check of state.def.checks) {
    if (check === 'line-count' || check === 'same-as-handwritten') {
      const lines = await countLines(output)
      if (lines !== input.events) return `wrote ${lines} lines for ${input.events} events`
    }
    if (check === 'same-as-handwritten' && firstRun) {
      const reference = context.referenceLines[state.def.dataset]
      if (reference === undefined) return 'no hand-written reference output for this dataset'
      const actual = readFirstLines(output, reference.length)
      const at = reference.findIndex((line, i) => actual[i] !== line)
      if (at >= 0) return `output line ${at + 1} differs from the hand-written mapper's:\n  expected ${reference[at]}\n  actual   ${actual[at]}`
    }
    if (check === 'cli-stats') {
      const stats = lastStatsObject(stderr)
      if (stats === null) return 'no --stats object on stderr'
      if (stats.read !== input.events) return `--stats read ${String(stats.read)} of ${input.events} events`
      if (stats.mapped + stats.rejected !== stats.read) return `--stats do not add up: ${JSON.stringify(stats)}`
      if (firstRun) state.result.notes.push(`mapped ${stats.mapped}, rejected ${stats.rejected}`)
    }
  }
  if (firstRun) {
    state.firstOutputHash = await sha256File(output)
    const twin = states.find((other) => other.def.id === state.def.sameOutputAs)
    if (twin?.firstOutputHash !== undefined && twin.firstOutputHash !== state.firstOutputHash) {
      return `output differs from ${twin.def.id}'s (same input, order must be kept)`
    }
    if (twin?.firstOutputHash !== undefined) state.result.notes.push(`output identical to ${twin.def.id}`)
  }
  return null
}

interface CliStats {
  read: number
  mapped: number
  rejected: number
}

/** The last line of stderr that parses as a `--stats` object. */
export function lastStatsObject(stderr: string): CliStats | null {
  const lines = stderr.trim().split('\n').reverse()
  for (const line of lines) {
    if (!line.startsWith('{')) continue
    try {
      const value = JSON.parse(line) as Partial<CliStats>
      if (typeof value.read === 'number' && typeof value.mapped === 'number' && typeof value.rejected === 'number') {
        return { read: value.read, mapped: value.mapped, rejected: value.rejected }
      }
    } catch {
      // not the stats line
    }
  }
  return null
}
