/**
 * `pnpm bench`: generates the inputs once (bench/.data, reused while the
 * recipe is unchanged), checks that every mapper writes the same records,
 * then measures every row and prints the tables. Results also go to
 * bench/.data/results/ (latest.json, latest.md for BENCHMARKS.md).
 * Exit code 1 when a mapper's output was wrong, 2 on a usage error.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { CompileReport } from './compile/child.js'
import { ensureDataFile, type DataFile } from './generate/datafile.js'
import { cloudFunnelRecipe, mixedRecipe, networkConnectionBytesRecipe, networkConnectionRecipe } from './generate/datasets.js'
import { mapCloudFunnelIpLine } from './handwritten-cloud-funnel.js'
import { summarize } from './measure/stats.js'
import { parseOptions, selected, USAGE, UsageError, type BenchOptions } from './options.js'
import { loadCompiler } from './mapdown.js'
import { BENCH_DIST, DATA_DIR, DICTIONARIES_DIR, REPO_ROOT } from './paths.js'
import { describeMachine } from './report/machine.js'
import { renderMarkdown, renderText, type Report, type Section } from './report/table.js'
import { checkTargets } from './report/targets.js'
import { bigRows, defaultCores, IN_PROCESS_ROWS, processRows, warmCliCache } from './rows/plan.js'
import type { CompileRowResult, RowResult } from './rows/result.js'
import { runInProcessRows, type InProcessRowRun } from './rows/run-in-process.js'
import { runProcessRows } from './rows/run-whole-process.js'
import { verifyMappers } from './verify.js'
import { jetStreamTargets, runJetStreamRows } from './jetstream.js'

const VERIFY_LINES = 1000
const CLOUD_FUNNEL_DICTIONARY_ID = 'sentinelone-cloud-funnel/IP'
const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`)
const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`

async function main(): Promise<number> {
  let options: BenchOptions | 'help'
  try {
    options = parseOptions(process.argv.slice(2), process.env, defaultCores())
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (options === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  const notes: string[] = []
  const want = (id: string): boolean => selected(options, id)

  // 1. Inputs.
  const networkConnection = await generate(networkConnectionRecipe(options.events, options.seed))
  const usable = await dictionarySamples(notes)
  const mixed = usable.length > 0 ? await generate(mixedRecipe(options.events, options.seed, usable)) : null
  // Cloud Funnel events are about 4 times the size of NetworkConnection ones: a quarter as
  // many, so that the file is about as large (and fits in one string for in-process rows).
  const cloudFunnelSample = usable.find(({ file }) => file === CLOUD_FUNNEL_DICTIONARY_ID)?.sample as Record<string, unknown> | undefined
  const cloudFunnelWanted = [...IN_PROCESS_ROWS, ...processRows(options.workersAll)].some((row) => row.dataset === 'cloud-funnel' && want(row.id))
  if (cloudFunnelWanted && cloudFunnelSample === undefined) notes.push(`no Cloud Funnel rows: ${CLOUD_FUNNEL_DICTIONARY_ID} has no valid Event JSON sample`)
  const cloudFunnel = cloudFunnelWanted && cloudFunnelSample !== undefined
    ? await generate(cloudFunnelRecipe(Math.max(1_000, Math.round(options.events / 4)), options.seed, cloudFunnelSample))
    : null
  const bigSelected = !options.skipBig && bigRows(options.workersAll).some((row) => want(row.id))
  const big = bigSelected ? await generate(networkConnectionBytesRecipe(options.bigBytes, options.seed)) : null

  // 2. Same records from every mapper before anything is timed.
  log(`checking every mapper against the hand-written one on the first ${VERIFY_LINES} events`)
  const firstLines = readFileSync(networkConnection.path, 'utf8').split('\n', VERIFY_LINES)
  const verification = await verifyMappers(firstLines)
  log(`verified: ${verification.verified.join(', ') || '(no mapper available)'}`)
  for (const [id, reason] of verification.failures) log(`NOT EQUIVALENT: ${id}: ${reason}`)
  const cloudFunnelVerification = cloudFunnel === null
    ? null
    : await verifyMappers(readFileSync(cloudFunnel.path, 'utf8').split('\n', VERIFY_LINES), mapCloudFunnelIpLine, ['mapdown-engine-cloud-funnel', 'handwritten-cloud-funnel-selective', 'mapdown-engine-cloud-funnel-selective'])
  if (cloudFunnelVerification !== null) log(`verified on Cloud Funnel events: ${cloudFunnelVerification.verified.join(', ') || '(no mapper available)'}`)
  for (const [id, reason] of cloudFunnelVerification?.failures ?? []) log(`NOT EQUIVALENT: ${id}: ${reason}`)

  // 3. In-process rows, a child process per run, interleaved.
  const inProcessRuns: InProcessRowRun[] = IN_PROCESS_ROWS.filter((row) => want(row.id)).map((def) => {
    const input = def.dataset === 'mixed' ? mixed : def.dataset === 'cloud-funnel' ? cloudFunnel : networkConnection
    const failure = def.dataset === 'network-connection'
      ? verification.failures.get(def.mapper)
      : def.dataset === 'cloud-funnel' ? cloudFunnelVerification?.failures.get(def.mapper) : undefined
    if (failure !== undefined) return { def, input: null, skipped: { status: 'failed', reason: failure } }
    if (input === null) return { def, input: null, skipped: { status: 'unavailable', reason: `no dictionary sample for the ${def.dataset} events` } }
    return { def, input: { dataPath: input.path, events: input.events, warmup: options.warmup } }
  })
  const inProcess = await runInProcessRows(inProcessRuns, options.runs, log)

  // 4. Whole-process rows, interleaved.
  const outDir = join(DATA_DIR, 'out')
  const inputs = {
    'network-connection': { path: networkConnection.path, events: networkConnection.events },
    ...(mixed === null ? {} : { mixed: { path: mixed.path, events: mixed.events } }),
    ...(cloudFunnel === null ? {} : { 'cloud-funnel': { path: cloudFunnel.path, events: cloudFunnel.events } }),
    ...(big === null ? {} : { big: { path: big.path, events: big.events } }),
  }
  const referenceLines = {
    'network-connection': verification.referenceLines,
    ...(cloudFunnelVerification === null ? {} : { 'cloud-funnel': cloudFunnelVerification.referenceLines }),
  }
  if ([...processRows(options.workersAll), ...bigRows(options.workersAll)].some((row) => row.id.includes('cli') && want(row.id))) {
    log('compiling the dictionaries into the CLI compile cache (untimed)')
    warmCliCache()
  }
  const wholeProcess = await runProcessRows(processRows(options.workersAll).filter((row) => want(row.id)), { inputs, runs: options.runs, outDir, referenceLines, log })
  const bigResults = big === null ? [] : await runProcessRows(bigRows(options.workersAll).filter((row) => want(row.id)), { inputs, runs: 1, outDir, referenceLines, log })

  // 5. Compile time.
  const compile = want('compile') ? await runCompileRow(options.runs) : null

  // 6. JetStream (its own nats-server; one run: each row takes seconds).
  const jetstream = want('jetstream') ? await runJetStreamRows(options.quick ? 5_000 : 30_000, log) : null

  // 7. Report.
  const sections: Section[] = [
    { title: `In process: ${integer(networkConnection.events)} NetworkConnection events (${mb(networkConnection.bytes)}), original dictionary`, rows: inProcess.filter((row) => row.dataset === 'network-connection') },
    { title: `Whole process, file to file: the same ${integer(networkConnection.events)} events`, rows: wholeProcess.filter((row) => row.dataset === 'network-connection') },
  ]
  if (cloudFunnel !== null) {
    sections.push({
      title: `Cloud Funnel: ${integer(cloudFunnel.events)} IP Connect events of about 150 flat keys (${mb(cloudFunnel.bytes)}), the library's IP dictionary`,
      rows: [...inProcess, ...wholeProcess].filter((row) => row.dataset === 'cloud-funnel'),
    })
  }
  if (mixed !== null) {
    sections.push({
      title: `Mixed stream: ${integer(mixed.events)} events of ${usable.length} dictionaries (${mb(mixed.bytes)})`,
      rows: [...inProcess, ...wholeProcess].filter((row) => row.dataset === 'mixed'),
    })
  }
  if (big !== null) sections.push({ title: `Peak RSS: ${integer(big.events)} events, ${mb(big.bytes)} input, one run`, rows: bigResults })
  const allRows = sections.flatMap((section) => section.rows)
  const report: Report = {
    machine: describeMachine(),
    runs: options.runs,
    sections: sections.filter((section) => section.rows.length > 0),
    compile,
    jetstream,
    targets: [...checkTargets(allRows, options.workersAll, options.bigBytes), ...(jetstream === null ? [] : jetStreamTargets(jetstream))],
    notes,
  }
  process.stdout.write('\n' + renderText(report))
  const resultsDir = join(DATA_DIR, 'results')
  mkdirSync(resultsDir, { recursive: true })
  const json = JSON.stringify({ options, report }, null, 2) + '\n'
  writeFileSync(join(resultsDir, 'latest.json'), json)
  writeFileSync(join(resultsDir, `${report.machine.date.replaceAll(':', '-')}.json`), json)
  writeFileSync(join(resultsDir, 'latest.md'), renderMarkdown(report))
  log(`results written to ${resultsDir}/latest.{json,md}`)
  const failed = allRows.some((row) => row.status === 'failed') || verification.failures.size > 0 || (cloudFunnelVerification?.failures.size ?? 0) > 0 || compile?.status === 'failed' || jetstream?.status === 'failed'
  return failed ? 1 : 0
}

const integer = (value: number): string => value.toLocaleString('en-US')

async function generate(recipe: Parameters<typeof ensureDataFile>[1]): Promise<DataFile> {
  const file = await ensureDataFile(DATA_DIR, recipe)
  log(`${file.reused ? 'reusing' : 'generated'} ${file.path} (${integer(file.events)} events, ${mb(file.bytes)})`)
  return file
}

/**
 * Every dictionary's Event JSON sample as the compiler parsed it: the mixed
 * stream is made of variations of these. Dictionaries without a valid sample
 * are left out and named in the notes.
 */
async function dictionarySamples(notes: string[]): Promise<{ file: string; sample: unknown }[]> {
  const compiler = await loadCompiler()
  if (!compiler.ok) {
    notes.push(`no mixed stream: ${compiler.reason}`)
    return []
  }
  const compiled = await compiler.api.compileFiles([DICTIONARIES_DIR], { cwd: REPO_ROOT })
  for (const { id } of compiled.ir.dictionaries) if (!compiled.samples.has(id)) notes.push(`mixed stream: ${id} left out (no valid Event JSON sample)`)
  return [...compiled.samples].map(([id, sample]) => ({ file: id, sample }))
}

async function runCompileRow(runs: number): Promise<CompileRowResult> {
  log('compile: 1,000 generated dictionaries')
  let stdout: string
  try {
    stdout = (await promisify(execFile)(process.execPath, [join(BENCH_DIST, 'compile', 'child.js'), '--count', '1000', '--runs', String(runs)], { maxBuffer: 16 << 20 })).stdout
  } catch (error) {
    stdout = (error as { stdout?: string }).stdout ?? ''
    if (stdout.trim() === '') return { status: 'failed', reason: (error as Error).message }
  }
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as CompileReport
  if (!report.ok) return { status: report.unavailable ? 'unavailable' : 'failed', reason: report.reason }
  return {
    status: 'ok',
    count: report.count,
    coldMs: report.coldMs,
    warmMs: summarize(report.warmMs),
    originalMs: summarize(report.originalMs),
    createEngineMs: report.createEngineMs === null ? null : summarize(report.createEngineMs),
    wideSample: { bytes: report.wideSample.bytes, keys: report.wideSample.keys, coldMs: report.wideSample.coldMs, warmMs: summarize(report.wideSample.warmMs) },
    warnings: report.warnings,
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`[bench] ${error instanceof UsageError ? error.message : ((error as Error).stack ?? String(error))}\n`)
    process.exitCode = 1
  },
)
