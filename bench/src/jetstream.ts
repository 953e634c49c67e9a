/**
 * The JetStream rows of `pnpm bench` (issue 16): runs `bench/nats/run.mjs` (its own
 * nats-server, the relay floor, workers with one event per message, NDJSON messages,
 * `mapdown map` on the same events, all in one run) and reads its final JSON line. Its
 * table and its two targets join the report.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { REPO_ROOT } from './paths.js'
import type { TargetCheck } from './report/targets.js'

export interface JetStreamRow {
  name: string
  processes: number
  perMessage: number
  messages: number
  seconds: number
  messagesPerSecond: number
  eventsPerSecond: number
  serverCpuSeconds?: number
  clientCpuSeconds?: number
  redelivered?: number
}

export interface JetStreamReport {
  status: 'ok' | 'unavailable' | 'failed'
  reason?: string
  events?: number
  batch?: number
  perMessage?: number
  results?: JetStreamRow[]
}

/** Rows: what each one is, for the table. */
const WHAT: Record<string, string> = {
  relay: '`bench/nats/relay.mjs`: fetch, republish unchanged with js.publish, ack after the PubAck (the floor)',
  'relay.wp': 'the same relay with the worker\'s publisher (plain PUBs, one reply inbox): its transport alone',
  map: '`mapdown map --workers 1 --stats` on the same events (its own clock)',
}

function what(row: JetStreamRow): string {
  if (WHAT[row.name] !== undefined) return WHAT[row.name] as string
  if (row.name.startsWith('worker×')) return `${row.processes} \`mapdown worker\`, one event per message`
  const [, perMessage, outBatch] = /^ndjson×(\d+)(?:\/(\d+))?$/.exec(row.name) ?? []
  if (perMessage !== undefined) return `1 worker, ${perMessage} events per message, ${outBatch === undefined ? 'one output per event' : `--out-batch ${outBatch}`}`
  return row.name
}

export async function runJetStreamRows(events: number, log: (message: string) => void): Promise<JetStreamReport> {
  log(`jetstream: ${events} events through a local nats-server (bench/nats/run.mjs)`)
  let stdout: string
  try {
    stdout = (await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bench', 'nats', 'run.mjs'), '--events', String(events)], { maxBuffer: 16 << 20 })).stdout
  } catch (error) {
    const text = `${(error as { stderr?: string }).stderr ?? ''}${(error as Error).message}`
    if (text.includes('nats-server is not installed')) return { status: 'unavailable', reason: 'nats-server is not installed (apt-get install -y nats-server)' }
    return { status: 'failed', reason: text.split('\n').slice(0, 3).join(' ') }
  }
  const last = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { events: number; batch: number; perMessage: number; results: JetStreamRow[] }
  return { status: 'ok', events: last.events, batch: last.batch, perMessage: last.perMessage, results: last.results }
}

const integer = (value: number): string => Math.round(value).toLocaleString('en-US')

/** The table: header and rows of cells, ratios against the relay (messages/s) and map (events/s). */
export function jetStreamTable(report: JetStreamReport): { title: string; header: string[]; rows: string[][] } | null {
  if (report.status !== 'ok' || report.results === undefined) return null
  const relay = report.results.find((row) => row.name === 'relay')
  const map = report.results.find((row) => row.name === 'map')
  const rows = report.results.map((row) => [
    row.name,
    what(row),
    row.name === 'map' ? '–' : integer(row.messagesPerSecond),
    integer(row.eventsPerSecond),
    relay !== undefined && row.name !== 'map' ? `${(row.messagesPerSecond / relay.messagesPerSecond).toFixed(2)}×` : '–',
    map !== undefined ? `${(row.eventsPerSecond / map.eventsPerSecond).toFixed(2)}×` : '–',
    row.serverCpuSeconds === undefined ? '–' : `${row.serverCpuSeconds.toFixed(2)} s (${Math.round((100 * row.serverCpuSeconds) / row.seconds)} %)`,
    row.clientCpuSeconds === undefined ? '–' : `${row.clientCpuSeconds.toFixed(2)} s`,
    row.redelivered === undefined ? '–' : String(row.redelivered),
  ])
  return {
    title: `JetStream: ${integer(report.events ?? 0)} events (examples/events repeated), batch ${report.batch}, nats-server on the same machine, one run`,
    header: ['row', 'what', 'messages/s', 'events/s', '× relay (messages/s)', '× map (events/s)', 'nats-server CPU', 'client CPU (start-up incl.)', 'redelivered'],
    rows,
  }
}

/** Issue 16's JetStream targets. */
export function jetStreamTargets(report: JetStreamReport | null): TargetCheck[] {
  const results = report?.status === 'ok' ? (report.results ?? []) : []
  const find = (predicate: (row: JetStreamRow) => boolean) => results.find(predicate)
  const check = (target: string, numerator: number | undefined, denominator: number | undefined, at: number): TargetCheck => {
    if (numerator === undefined || denominator === undefined) return { target, measured: '–', status: 'not measured' }
    const value = numerator / denominator
    return { target, measured: `${value.toFixed(2)}×`, status: value >= at ? 'met' : 'not met' }
  }
  const batched = find((row) => /^ndjson×100\/\d+$/.test(row.name)) ?? find((row) => row.name === 'ndjson×100')
  return [
    check('worker ≥ 0.8× relay (messages/s, one event per message)', find((row) => row.name === 'worker×1')?.messagesPerSecond, find((row) => row.name === 'relay')?.messagesPerSecond, 0.8),
    check(`worker, 100 events per message (${batched?.name ?? 'ndjson×100'}) ≥ 0.7× map --workers 1 (events/s)`, batched?.eventsPerSecond, find((row) => row.name === 'map')?.eventsPerSecond, 0.7),
  ]
}
