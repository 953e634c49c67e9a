/**
 * One in-process row, in its own process so rows never share a JIT or a heap:
 *
 *   node inproc/child.js --mapper <id> --data <file.ndjson> --runs N --warmup W
 *
 * Reads the file into memory (not timed), builds the mapper (not timed), maps
 * the first W lines twice to warm the JIT, then maps every line N times,
 * timing each pass. Prints one JSON line: the events/s of each pass, the
 * mapper's own counts for the timed passes, or why the row is unavailable.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createLineMapper, IN_PROCESS_MAPPER_IDS, UnavailableError, type InProcessMapperId, type LineMapper } from './line-mappers.js'

export type ChildReport =
  | { ok: true; events: number; eventsPerSecond: number[]; rejected: number; outputChars: number; stats: unknown }
  | { ok: false; unavailable: boolean; reason: string }

interface Pass {
  seconds: number
  rejected: number
  outputChars: number
}

function passSync(lines: readonly string[], map: (line: string) => string | null): Pass {
  let rejected = 0
  let outputChars = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < lines.length; i++) {
    const out = map(lines[i] as string)
    if (out === null) rejected++
    else outputChars += out.length
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rejected, outputChars }
}

async function passAsync(lines: readonly string[], map: (line: string) => Promise<string | null>): Promise<Pass> {
  let rejected = 0
  let outputChars = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < lines.length; i++) {
    const out = await map(lines[i] as string)
    if (out === null) rejected++
    else outputChars += out.length
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rejected, outputChars }
}

const pass = (lines: readonly string[], mapper: LineMapper): Pass | Promise<Pass> =>
  mapper.kind === 'sync' ? passSync(lines, mapper.map) : passAsync(lines, mapper.map)

/** The NDJSON lines of a file, without empty ones; decoded in pieces, since V8 strings stop at 512 MiB (the mixed stream is about 1 GB). */
function readLines(path: string): string[] {
  const bytes = readFileSync(path)
  const lines: string[] = []
  const PIECE = 64 << 20
  for (let start = 0; start < bytes.length; ) {
    // A piece ends after a newline, so that no line is cut in two (a line longer than a piece extends it).
    let end = Math.min(start + PIECE, bytes.length)
    if (end < bytes.length) {
      const newline = bytes.indexOf(0x0a, end)
      end = newline === -1 ? bytes.length : newline + 1
    }
    for (const line of bytes.toString('utf8', start, end).split('\n')) if (line !== '') lines.push(line)
    start = end
  }
  return lines
}

async function main(): Promise<ChildReport> {
  const { values } = parseArgs({
    options: { mapper: { type: 'string' }, data: { type: 'string' }, runs: { type: 'string' }, warmup: { type: 'string' } },
  })
  const id = values.mapper as InProcessMapperId | undefined
  if (id === undefined || !IN_PROCESS_MAPPER_IDS.includes(id)) throw new Error(`--mapper must be one of ${IN_PROCESS_MAPPER_IDS.join(', ')}`)
  if (values.data === undefined) throw new Error('--data is required')
  const runs = Number(values.runs ?? '5')
  const warmup = Number(values.warmup ?? '20000')
  const lines = readLines(values.data)
  let mapper: LineMapper
  try {
    mapper = await createLineMapper(id)
  } catch (error) {
    return { ok: false, unavailable: error instanceof UnavailableError, reason: (error as Error).message }
  }
  const warmLines = lines.slice(0, warmup)
  await pass(warmLines, mapper)
  await pass(warmLines, mapper)
  const statsBefore = mapper.stats?.() ?? null
  const eventsPerSecond: number[] = []
  let last: Pass | undefined
  for (let run = 0; run < runs; run++) {
    last = await pass(lines, mapper)
    eventsPerSecond.push(lines.length / last.seconds)
  }
  return {
    ok: true,
    events: lines.length,
    eventsPerSecond,
    rejected: last?.rejected ?? 0,
    outputChars: last?.outputChars ?? 0,
    stats: statsBefore === null ? null : countsSince(statsBefore, mapper.stats?.() ?? null),
  }
}

/** What the mapper counted during the timed passes only: numeric counters minus their value after the warm-up. */
export function countsSince(before: unknown, after: unknown): unknown {
  if (typeof after === 'number') return after - (typeof before === 'number' ? before : 0)
  if (after === null || typeof after !== 'object') return after
  const earlier = (before ?? {}) as Record<string, unknown>
  return Object.fromEntries(Object.entries(after).map(([key, value]) => [key, countsSince(earlier[key], value)]))
}

main().then(
  (report) => process.stdout.write(JSON.stringify(report) + '\n'),
  (error: unknown) => {
    const report: ChildReport = { ok: false, unavailable: false, reason: (error as Error).stack ?? String(error) }
    process.stdout.write(JSON.stringify(report) + '\n')
    process.exitCode = 1
  },
)
