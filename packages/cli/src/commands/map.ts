/**
 * `mapdown map`: raw NDJSON events in, mapped NDJSON out.
 */
import { availableParallelism } from 'node:os'
import { DEFAULT_MAX_LINE_BYTES, type Engine, type EngineOptions } from '@mapdown/engine'
import { COMMON_OPTIONS, choiceOption, parseCommandArgs, positiveIntegerOption } from '../args.js'
import { COMPILE_TIMEOUT_OPTION, compileTimeout } from '../dictionaries/compile.js'
import { engineFor, loadMapping } from '../dictionaries/load.js'
import { refuseClashingOutputs } from '../io/clashes.js'
import { schemaOption } from '../dictionaries/schema-option.js'
import { resolveInputs, type InputSpec } from '../io/inputs.js'
import { discardOutputs, FileSink, finishOutputs, stdoutSink, type OutputSink } from '../io/sink.js'
import { writeOutput } from '../io/write-output.js'
import { emptyCounts, type MapCounts } from '../map/counts.js'
import { InlineExecutor, type Executor, type FramingOptions } from '../map/executor.js'
import type { PoolExecutor } from '../map/pool.js'
import { BATCH_BYTES, runPipeline, type PipelineOptions, type PipelineResult } from '../map/pipeline.js'
import { Interrupt } from '../map/interrupt.js'
import { ProgressLine } from '../map/progress.js'

export const help = `Usage: mapdown map [options] [INPUT...]

Maps raw NDJSON events (one JSON object per line) to normalised records.
INPUT is an NDJSON file, a gzip file (by its first bytes, whatever its name)
or - for stdin (the default).

Options:
  -d, --dict PATH            dictionaries (.md files or folders) or a compiled IR
                             JSON file; repeatable (default: ./dictionaries)
  -o, --out FILE             mapped NDJSON (default: stdout)
      --rejects FILE         rejected lines as NDJSON: reason, message, file, line, raw
      --on-field-error MODE  keep (map the event, list the issues) or reject
                             (default: keep)
      --emit-null            write missing fields as null instead of leaving them out
      --schema NAME          write records in a schema of the dictionaries
                             (dictionaries/schemas/NAME.md: ecs, ocsf) instead of
                             the standard names (default: standard)
      --max-line-bytes N     reject longer lines (default: 1048576)
      --workers N            worker threads; 1 maps on the main thread (default:
                             all cores for files, 1 for stdin or under 64 MiB)
      --stats                print one JSON object with the counts on stderr at the end
      --fail-on-reject       exit with 1 when any line was rejected
      --compile-timeout S    stop compiling a dictionary file after S seconds
                             of CPU time (default: 20)
      --no-cache             compile the dictionaries even when the compile
                             cache ($XDG_CACHE_HOME/mapdown) holds them
      --debug                show stack traces
  -h, --help                 show this help

Every non-blank line is counted once: read = mapped + rejected.
Exit codes: 0 all input processed (rejects included), 1 fatal problem, 2 usage error.

Examples:
  mapdown map events.ndjson > mapped.ndjson
  mapdown map -d dictionaries/sentinelone day1.ndjson.gz day2.ndjson.gz -o mapped.ndjson
  cat events.ndjson | mapdown map -d ir.json --rejects rejects.ndjson --stats
  mapdown map --schema ocsf events.ndjson > ocsf.ndjson
  mapdown map big.ndjson --workers 4 --on-field-error reject --fail-on-reject
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  dict: { type: 'string', short: 'd', multiple: true },
  out: { type: 'string', short: 'o' },
  rejects: { type: 'string' },
  'on-field-error': { type: 'string' },
  'emit-null': { type: 'boolean' },
  schema: { type: 'string' },
  'max-line-bytes': { type: 'string' },
  workers: { type: 'string' },
  stats: { type: 'boolean' },
  'fail-on-reject': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  ...COMPILE_TIMEOUT_OPTION,
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
    await writeOutput(undefined, help)
    return 0
  }
  const onFieldError = choiceOption('map', 'on-field-error', values['on-field-error'], ['keep', 'reject'], 'keep')
  const maxLineBytes = positiveIntegerOption('map', 'max-line-bytes', values['max-line-bytes']) ?? DEFAULT_MAX_LINE_BYTES
  const requestedWorkers = positiveIntegerOption('map', 'workers', values.workers)
  const inputs = await resolveInputs('map', positionals)
  const dictionaries = values.dict ?? ['./dictionaries']
  // Before anything is read or opened for writing.
  await refuseClashingOutputs('map', {
    outputs: [
      ['-o', values.out],
      ['--rejects', values.rejects],
    ],
    inputs: [...inputs.filter((input) => input.kind === 'file').map((input) => input.name), ...dictionaries],
  })

  const interrupt = new Interrupt()
  try {
    return await mapInputs(values, inputs, dictionaries, interrupt, { onFieldError, maxLineBytes, requestedWorkers })
  } finally {
    interrupt.dispose()
  }
}

type MapValues = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values']

async function mapInputs(
  values: MapValues,
  inputs: InputSpec[],
  dictionaries: string[],
  interrupt: Interrupt,
  settings: { onFieldError: 'keep' | 'reject'; maxLineBytes: number; requestedWorkers: number | undefined },
): Promise<number> {
  const { onFieldError, maxLineBytes } = settings
  const workers = settings.requestedWorkers ?? defaultWorkers(inputs)
  const framing: FramingOptions = { maxLineBytes, batchBytes: BATCH_BYTES }
  // Threads start now and load the engine while the dictionaries compile.
  const pool = workers <= 1 ? undefined : await startPool(workers, framing)

  let engine: Engine, engineOptions: EngineOptions, irJson: string
  let out: OutputSink | undefined, rejects: OutputSink | undefined
  try {
    const mapping = await loadMapping(dictionaries, process.stderr, {
      compileTimeoutSeconds: compileTimeout('map', values['compile-timeout']),
      cache: values['no-cache'] !== true,
    })
    irJson = mapping.irJson
    const schema = schemaOption('map', values.schema, mapping.ir)
    engineOptions = { onFieldError, emitNull: values['emit-null'] ?? false, maxLineBytes, ...(schema === undefined ? {} : { schema }) }
    engine = engineFor(mapping, engineOptions)
    out = values.out === undefined ? stdoutSink() : await FileSink.open(values.out)
    rejects = values.rejects === undefined ? undefined : await FileSink.open(values.rejects)
  } catch (error) {
    await discardOutputs([out])
    await pool?.close()
    throw error
  }

  const started = performance.now()
  const counts = emptyCounts()
  const progress = process.stderr.isTTY ? new ProgressLine(process.stderr, counts) : undefined
  progress?.start()
  const pipeline = { inputs, out, rejects, stdin: () => process.stdin, counts, signal: interrupt.signal }
  let stopped: PipelineResult['stopped']
  let failure: unknown
  try {
    ;({ stopped } =
      pool === undefined
        ? await mapWith(new InlineExecutor(engine, framing), pipeline)
        : await mapWith(pool.load(engine, irJson, engineOptions), pipeline))
    // Interrupted: whole lines only, and no output file that looks complete.
    if (stopped === 'signal') await discardOutputs([out, rejects])
    else await finishOutputs([out, rejects])
  } catch (error) {
    failure = error
    await discardOutputs([out, rejects])
  } finally {
    progress?.stop()
  }

  const outcome = failure !== undefined ? 'failed' : stopped === 'signal' ? 'interrupted' : (stopped ?? 'complete')
  if (values.stats) {
    const written = { out: out.linesWritten, ...(rejects === undefined ? {} : { rejects: rejects.linesWritten }) }
    process.stderr.write(statsLine(counts, performance.now() - started, outcome === 'complete' ? undefined : { outcome, written }) + '\n')
  }
  if (failure !== undefined) throw failure
  if (interrupt.received !== undefined) {
    const files = [values.out, values.rejects].filter((name) => name !== undefined)
    const left = files.length === 0 ? '' : `; not written: ${files.join(', ')}`
    process.stderr.write(`mapdown: interrupted by ${interrupt.received} after ${counts.read} lines${left}\n`)
    return interrupt.exitCode
  }
  if (counts.rejected > 0 && rejects === undefined && stopped === undefined) {
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

/** How a run that did not finish ended, and the lines that really reached each output. */
export interface RunEnd {
  /** `output-closed`: the reader of stdout went away (EPIPE, `| head`), which is not an error. */
  readonly outcome: 'failed' | 'interrupted' | 'output-closed'
  readonly written: { readonly out: number; readonly rejects?: number }
}

/**
 * The `--stats` object: counts, then timing (the only part that varies between
 * identical runs); for a run that failed or was interrupted, then `outcome` and
 * the lines `written` to each output (0 for a file that was not put in place).
 */
export function statsLine(counts: MapCounts, elapsedMs: number, end?: RunEnd): string {
  return JSON.stringify({
    ...counts,
    elapsedMs: Math.round(elapsedMs),
    eventsPerSecond: elapsedMs > 0 ? Math.round((counts.read * 1000) / elapsedMs) : 0,
    ...end,
  })
}
