/**
 * Every row of the bench, by id. Ids are stable: `--only` selects by them and
 * BENCHMARKS.md quotes them.
 */
import { execFileSync } from 'node:child_process'
import { statSync, writeFileSync } from 'node:fs'
import { availableParallelism, devNull } from 'node:os'
import { join } from 'node:path'
import type { InProcessMapperId } from '../inproc/line-mappers.js'
import type { ProcessSpec } from '../measure/run-process.js'
import { JQ_FILTER } from '../alternatives/jq.js'
import { BENCH_DIST, CLI_BIN, CLOUD_FUNNEL_DICTIONARY, DATA_DIR, DICTIONARIES_DIR, ORIGINAL_DICTIONARY } from '../paths.js'
import type { Dataset } from './result.js'

export interface InProcessRowDef {
  id: string
  label: string
  dataset: Exclude<Dataset, 'big'>
  mapper: InProcessMapperId
  handwrittenRef?: string
  floorRef?: string
}

/** How a whole-process row's output is checked after each run. */
export type OutputCheck =
  /** One output line per input event, and the first lines equal the hand-written mapper's. */
  | 'same-as-handwritten'
  /** The CLI's `--stats` accounts for every input line. */
  | 'cli-stats'
  /** One output line per input line, nothing else. */
  | 'line-count'

export interface ProcessRowDef {
  id: string
  label: string
  dataset: Dataset
  command(input: string, output: string): ProcessSpec
  checks: readonly OutputCheck[]
  /** Why the row cannot run here (a missing tool or build), or null. */
  unavailable(): string | null
  handwrittenRef?: string
  floorRef?: string
  /** Rows whose output must be byte-identical to this row's (order kept across workers). */
  sameOutputAs?: string
}

const NODE = process.execPath

export const IN_PROCESS_ROWS: readonly InProcessRowDef[] = [
  { id: 'floor.parse', label: 'JSON.parse per line (floor)', dataset: 'network-connection', mapper: 'floor-parse', handwrittenRef: 'handwritten', floorRef: 'floor.parse' },
  { id: 'floor.parse-stringify', label: 'JSON.parse + JSON.stringify of the raw event', dataset: 'network-connection', mapper: 'floor-parse-stringify', handwrittenRef: 'handwritten', floorRef: 'floor.parse' },
  { id: 'handwritten', label: 'hand-written TypeScript mapper', dataset: 'network-connection', mapper: 'handwritten', handwrittenRef: 'handwritten', floorRef: 'floor.parse' },
  { id: 'mapdown.engine', label: 'mapdown engine (original dictionary)', dataset: 'network-connection', mapper: 'mapdown-engine', handwrittenRef: 'handwritten', floorRef: 'floor.parse' },
  { id: 'mapdown.engine-library', label: 'mapdown engine (all dictionaries loaded)', dataset: 'network-connection', mapper: 'mapdown-engine-library', handwrittenRef: 'handwritten', floorRef: 'floor.parse' },
  { id: 'jsonpath-plus', label: 'jsonpath-plus, one query per field', dataset: 'network-connection', mapper: 'jsonpath-plus', handwrittenRef: 'handwritten', floorRef: 'floor.parse' },
  { id: 'jsonata', label: 'JSONata, one expression (awaited)', dataset: 'network-connection', mapper: 'jsonata', handwrittenRef: 'handwritten', floorRef: 'floor.parse' },
  { id: 'cf.floor.parse', label: 'JSON.parse per line (floor)', dataset: 'cloud-funnel', mapper: 'floor-parse', handwrittenRef: 'cf.handwritten', floorRef: 'cf.floor.parse' },
  { id: 'cf.handwritten', label: 'hand-written TypeScript mapper (Cloud Funnel IP)', dataset: 'cloud-funnel', mapper: 'handwritten-cloud-funnel', handwrittenRef: 'cf.handwritten', floorRef: 'cf.floor.parse' },
  { id: 'cf.mapdown.engine', label: 'mapdown engine (Cloud Funnel IP dictionary)', dataset: 'cloud-funnel', mapper: 'mapdown-engine-cloud-funnel', handwrittenRef: 'cf.handwritten', floorRef: 'cf.floor.parse' },
  // Reading less than the whole event (issue 16 item 4, docs/parse-floor.md).
  { id: 'cf.floor.selective', label: 'selective parse of the keys the IP dictionary reads', dataset: 'cloud-funnel', mapper: 'floor-selective-parse-cloud-funnel', handwrittenRef: 'cf.handwritten', floorRef: 'cf.floor.parse' },
  { id: 'cf.floor.reviver', label: 'JSON.parse with an identity reviver', dataset: 'cloud-funnel', mapper: 'floor-parse-reviver', handwrittenRef: 'cf.handwritten', floorRef: 'cf.floor.parse' },
  { id: 'cf.handwritten.selective', label: 'hand-written mapper on the selective parse', dataset: 'cloud-funnel', mapper: 'handwritten-cloud-funnel-selective', handwrittenRef: 'cf.handwritten', floorRef: 'cf.floor.parse' },
  { id: 'cf.mapdown.engine-selective', label: 'mapdown engine, selective reading turned on', dataset: 'cloud-funnel', mapper: 'mapdown-engine-cloud-funnel-selective', handwrittenRef: 'cf.handwritten', floorRef: 'cf.floor.parse' },
  { id: 'mixed.floor.parse', label: 'JSON.parse per line (floor)', dataset: 'mixed', mapper: 'floor-parse', floorRef: 'mixed.floor.parse' },
  { id: 'mixed.mapdown.engine', label: 'mapdown engine (all dictionaries)', dataset: 'mixed', mapper: 'mapdown-engine-library', floorRef: 'mixed.floor.parse' },
  { id: 'mixed.mapdown.engine-ecs', label: 'mapdown engine (all dictionaries), --schema ecs', dataset: 'mixed', mapper: 'mapdown-engine-library-ecs', floorRef: 'mixed.floor.parse' },
  { id: 'mixed.mapdown.engine-ocsf', label: 'mapdown engine (all dictionaries), --schema ocsf', dataset: 'mixed', mapper: 'mapdown-engine-library-ocsf', floorRef: 'mixed.floor.parse' },
]

const cliMissing = (): string | null => (cliBuilt() ? null : 'packages/cli/dist/bin.js has no `map` command yet (run pnpm build)')
let cliChecked: boolean | undefined
function cliBuilt(): boolean {
  // Built and past the skeleton: the map command module exists in dist.
  cliChecked ??= existsSyncSafe(join(CLI_BIN, '..', 'commands', 'map.js'))
  return cliChecked
}

function existsSyncSafe(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

let jqChecked: string | null | undefined
function jqMissing(): string | null {
  if (jqChecked !== undefined) return jqChecked
  const found = (process.env['PATH'] ?? '').split(':').some((dir) => dir !== '' && existsSyncSafe(join(dir, 'jq')))
  jqChecked = found ? null : 'jq is not installed (apt-get install -y jq)'
  return jqChecked
}

/**
 * The CLI's compile cache for the bench (`mapdown map` keeps one): its own
 * folder, warmed before any row is timed (`warmCliCache`), so every timed run,
 * with 1 worker or all, loads the compiled IR as a user's second run does.
 */
export const CLI_CACHE_ENV = { XDG_CACHE_HOME: join(DATA_DIR, 'cache') }

const cliMap = (dictionary: string, workers: number) => (input: string, output: string): ProcessSpec => ({
  command: NODE,
  args: [CLI_BIN, 'map', '-d', dictionary, '--workers', String(workers), '--stats', '-o', output, input],
  env: CLI_CACHE_ENV,
})

/** Compiles each dictionary the CLI rows map with into the bench's compile cache (untimed). */
export function warmCliCache(): void {
  if (cliMissing() !== null) return
  const empty = join(DATA_DIR, 'empty.ndjson')
  writeFileSync(empty, '')
  for (const dictionary of [ORIGINAL_DICTIONARY, CLOUD_FUNNEL_DICTIONARY, DICTIONARIES_DIR]) {
    execFileSync(NODE, [CLI_BIN, 'map', '-d', dictionary, '--workers', '1', '-o', devNull, empty], { env: { ...process.env, ...CLI_CACHE_ENV }, stdio: 'ignore' })
  }
}

export function processRows(workersAll: number): ProcessRowDef[] {
  const all = `w${workersAll}`
  return [
    {
      id: 'process.floor',
      label: 'node: read, JSON.parse, write {} (floor)',
      dataset: 'network-connection',
      command: (input, output) => ({ command: NODE, args: [join(BENCH_DIST, 'process', 'floor-cli.js'), input, output] }),
      checks: ['line-count'],
      unavailable: () => null,
      handwrittenRef: 'process.handwritten',
      floorRef: 'process.floor',
    },
    {
      id: 'process.handwritten',
      label: 'node: hand-written mapper, file to file',
      dataset: 'network-connection',
      command: (input, output) => ({ command: NODE, args: [join(BENCH_DIST, 'process', 'handwritten-cli.js'), input, output] }),
      checks: ['same-as-handwritten'],
      unavailable: () => null,
      handwrittenRef: 'process.handwritten',
      floorRef: 'process.floor',
    },
    {
      id: 'process.jq',
      label: 'jq -c, same record',
      dataset: 'network-connection',
      command: (input, output) => ({ command: 'jq', args: ['-c', JQ_FILTER, input], stdoutFile: output }),
      checks: ['same-as-handwritten'],
      unavailable: jqMissing,
      handwrittenRef: 'process.handwritten',
      floorRef: 'process.floor',
    },
    {
      id: 'process.cli-w1',
      label: 'mapdown map --workers 1',
      dataset: 'network-connection',
      command: cliMap(ORIGINAL_DICTIONARY, 1),
      checks: ['same-as-handwritten', 'cli-stats'],
      unavailable: cliMissing,
      handwrittenRef: 'process.handwritten',
      floorRef: 'process.floor',
    },
    {
      id: `process.cli-${all}`,
      label: `mapdown map --workers ${workersAll}`,
      dataset: 'network-connection',
      command: cliMap(ORIGINAL_DICTIONARY, workersAll),
      checks: ['same-as-handwritten', 'cli-stats'],
      unavailable: cliMissing,
      handwrittenRef: 'process.handwritten',
      floorRef: 'process.floor',
      sameOutputAs: 'process.cli-w1',
    },
    {
      id: 'cf.process.floor',
      label: 'node: read, JSON.parse, write {} (floor)',
      dataset: 'cloud-funnel',
      command: (input, output) => ({ command: NODE, args: [join(BENCH_DIST, 'process', 'floor-cli.js'), input, output] }),
      checks: ['line-count'],
      unavailable: () => null,
      handwrittenRef: 'cf.process.handwritten',
      floorRef: 'cf.process.floor',
    },
    {
      id: 'cf.process.handwritten',
      label: 'node: hand-written Cloud Funnel mapper, file to file',
      dataset: 'cloud-funnel',
      command: (input, output) => ({ command: NODE, args: [join(BENCH_DIST, 'process', 'handwritten-cloud-funnel-cli.js'), input, output] }),
      checks: ['same-as-handwritten'],
      unavailable: () => null,
      handwrittenRef: 'cf.process.handwritten',
      floorRef: 'cf.process.floor',
    },
    {
      id: 'cf.process.cli-w1',
      label: 'mapdown map --workers 1 (Cloud Funnel IP)',
      dataset: 'cloud-funnel',
      command: cliMap(CLOUD_FUNNEL_DICTIONARY, 1),
      checks: ['same-as-handwritten', 'cli-stats'],
      unavailable: cliMissing,
      handwrittenRef: 'cf.process.handwritten',
      floorRef: 'cf.process.floor',
    },
    {
      id: `cf.process.cli-${all}`,
      label: `mapdown map --workers ${workersAll} (Cloud Funnel IP)`,
      dataset: 'cloud-funnel',
      command: cliMap(CLOUD_FUNNEL_DICTIONARY, workersAll),
      checks: ['same-as-handwritten', 'cli-stats'],
      unavailable: cliMissing,
      handwrittenRef: 'cf.process.handwritten',
      floorRef: 'cf.process.floor',
      sameOutputAs: 'cf.process.cli-w1',
    },
    {
      id: 'mixed.process.floor',
      label: 'node: read, JSON.parse, write {} (floor)',
      dataset: 'mixed',
      command: (input, output) => ({ command: NODE, args: [join(BENCH_DIST, 'process', 'floor-cli.js'), input, output] }),
      checks: ['line-count'],
      unavailable: () => null,
      floorRef: 'mixed.process.floor',
    },
    {
      id: 'mixed.process.cli-w1',
      label: 'mapdown map --workers 1 (all dictionaries)',
      dataset: 'mixed',
      command: cliMap(DICTIONARIES_DIR, 1),
      checks: ['cli-stats'],
      unavailable: cliMissing,
      floorRef: 'mixed.process.floor',
    },
    {
      id: `mixed.process.cli-${all}`,
      label: `mapdown map --workers ${workersAll} (all dictionaries)`,
      dataset: 'mixed',
      command: cliMap(DICTIONARIES_DIR, workersAll),
      checks: ['cli-stats'],
      unavailable: cliMissing,
      floorRef: 'mixed.process.floor',
      sameOutputAs: 'mixed.process.cli-w1',
    },
  ]
}

/** Peak RSS on the big input: one run each, the figure is the memory, not the speed. */
export function bigRows(workersAll: number): ProcessRowDef[] {
  return [1, workersAll].map((workers) => ({
    id: `rss.cli-w${workers}`,
    label: `mapdown map --workers ${workers}`,
    dataset: 'big' as const,
    command: cliMap(ORIGINAL_DICTIONARY, workers),
    checks: ['cli-stats'] as const,
    unavailable: cliMissing,
  }))
}

export const defaultCores = (): number => availableParallelism()
