/**
 * `mapdown map`: raw NDJSON events in, mapped NDJSON out.
 */
import { availableParallelism } from 'node:os'
import { DEFAULT_MAX_LINE_BYTES, type Engine, type EngineOptions } from '@mapdown/engine'
import { COMMON_OPTIONS, choiceOption, parseCommandArgs, positiveIntegerOption } from '../args.js'
import { engineFor, loadMapping } from '../dictionaries/load.js'
import { resolveInputs, type InputSpec } from '../io/inputs.js'
import { OutputSink } from '../io/sink.js'
import { emptyCounts, type MapCounts } from '../map/counts.js'
import { InlineExecutor, type Executor, type FramingOptions } from '../map/executor.js'
import type { PoolExecutor } from '../map/pool.js'
import { BATCH_BYTES, runPipeline, type PipelineOptions, type PipelineResult } from '../map/pipeline.js'
import { ProgressLine } from '../map/progress.js'

export const help = `Usage: mapdown map [options] [INPUT...]

Maps raw NDJSON events (one JSON object per line) to normalised records.
INPUT is an NDJSON file, a gzip file (.gz) or - for stdin (the default).

Options:
  -d, --dict PATH            dictionaries (.md files or folders) or a compiled IR
                             JSON file; repeatable (default: ./dictionaries)
  -o, --out FILE             mapped NDJSON (default: stdout)
      --rejects FILE         rejected lines as NDJSON: reason, message, file, line, raw
      --on-field-error MODE  keep (map the event, list the issues) or reject
                             (default: keep)
      --emit-null            write missing fields as null instead of leaving them out
      --max-line-bytes N     reject longer lines (default: 1048576)
      --workers N            worker threads; 1 maps on the main thread (default:
                             all cores for files, 1 for stdin or under 64 MiB)
      --stats                print one JSON object with the counts on stderr at the end
      --fail-on-reject       exit with 1 when any line was rejected
      --debug                show stack traces
  -h, --help                 show this help

Every non-blank line is counted once: read = mapped + rejected.
Exit codes: 0 all input processed (rejects included), 1 fatal problem, 2 usage error.

Examples:
  mapdown map events.ndjson > mapped.ndjson
  mapdown map -d dictionaries/sentinelone day1.ndjson.gz day2.ndjson.gz -o mapped.ndjson
  cat events.ndjson | mapdown map -d ir.json --rejects rejects.ndjson --stats
  mapdown map big.ndjson --workers 4 --on-field-error reject --fail-on-reject
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  dict: { type: 'string', short: 'd', multiple: true },
  out: { type: 'string', short: 'o' },
  rejects: { type: 'string' },
  'on-field-error': { type: 'string' },
  'emit-null': { type: 'boolean' },
  'max-line-bytes': { type: 'string' },
  workers: { type: 'string' },
  stats: { type: 'boolean' },
  'fail-on-reject': { type: 'boolean' },
} as const

/**
 * Below this much file input, threads cost more to start than they save: each
 * thread loads the engine (about 0.2 s of CPU), the time to map some 60,000
 * typical events (about 80 MB) on one core.
 */
const SMALL_INPUT_BYTES = 64 << 20

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('map', argv, OPTIONS)
  if (values.help) {
    process.stdout.write(help)
    return 0
  }
  const onFieldError = choiceOption('map', 'on-field-error', values['on-field-error'], ['keep', 'reject'], 'keep')
  const maxLineBytes = positiveIntegerOption('map', 'max-line-bytes', values['max-line-bytes']) ?? DEFAULT_MAX_LINE_BYTES
  const requestedWorkers = positiveIntegerOption('map', 'workers', values.workers)
  const inputs = await resolveInputs('map', positionals)

  const workers = requestedWorkers ?? defaultWorkers(inputs)
  const framing: FramingOptions = { maxLineBytes, batchBytes: BATCH_BYTES }
  // Threads start now and load the engine while the dictionaries compile.
  const pool = workers <= 1 ? undefined : await startPool(workers, framing)

  let engine: Engine, engineOptions: EngineOptions, irJson: string, out: OutputSink, rejects: OutputSink | undefined
  try {
    const mapping = await loadMapping(values.dict ?? ['./dictionaries'], process.stderr)
    irJson = mapping.irJson
    engineOptions = { onFieldError, emitNull: values['emit-null'] ?? false, maxLineBytes }
    engine = engineFor(mapping, engineOptions)
    out = values.out === undefined ? OutputSink.toStdout() : OutputSink.toFile(values.out)
    rejects = values.rejects === undefined ? undefined : OutputSink.toFile(values.rejects)
  } catch (error) {
    await pool?.close()
    throw error
  }

  const started = performance.now()
  const counts = emptyCounts()
  const progress = process.stderr.isTTY ? new ProgressLine(process.stderr, counts) : undefined
  progress?.start()
  const pipeline = { inputs, out, rejects, stdin: () => process.stdin, counts }
  let interrupted: boolean
  try {
    ;({ interrupted } =
      pool === undefined
        ? await mapWith(new InlineExecutor(engine, framing), pipeline)
        : await mapWith(pool.load(engine, irJson, engineOptions), pipeline))
    await out.end()
    await rejects?.end()
  } finally {
    progress?.stop()
  }

  if (values.stats) process.stderr.write(statsLine(counts, performance.now() - started) + '\n')
  if (counts.rejected > 0 && rejects === undefined && !interrupted) {
    const noun = counts.rejected === 1 ? 'line was' : 'lines were'
    process.stderr.write(`mapdown: ${counts.rejected} ${noun} rejected (keep them with --rejects FILE)\n`)
  }
  if (values['fail-on-reject'] && counts.rejected > 0) return 1
  return 0
}

/** All cores for file input, except when the input is too small to pay for threads; 1 for stdin. */
function defaultWorkers(inputs: readonly InputSpec[]): number {
  if (inputs.some((input) => input.kind === 'stdin')) return 1
  const bytes = inputs.reduce((sum, input) => sum + (input.size ?? 0) * (input.gzip ? 8 : 1), 0)
  if (bytes < SMALL_INPUT_BYTES) return 1
  return availableParallelism()
}

/** Runs the pipeline with `executor`, and always stops it (threads included). */
async function mapWith<W>(executor: Executor<W>, options: Omit<PipelineOptions<W>, 'executor'>): Promise<PipelineResult> {
  try {
    return await runPipeline({ ...options, executor })
  } finally {
    await executor.close()
  }
}

async function startPool(workers: number, framing: FramingOptions): Promise<PoolExecutor> {
  // Loaded only when threads are asked for.
  const { PoolExecutor } = await import('../map/pool.js')
  return PoolExecutor.start(workers, framing)
}

/** The `--stats` object: counts, then timing (the only part that varies between identical runs). */
export function statsLine(counts: MapCounts, elapsedMs: number): string {
  return JSON.stringify({
    ...counts,
    elapsedMs: Math.round(elapsedMs),
    eventsPerSecond: elapsedMs > 0 ? Math.round((counts.read * 1000) / elapsedMs) : 0,
  })
}
