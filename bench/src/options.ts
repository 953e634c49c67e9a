/**
 * `pnpm bench [--quick] [--runs N] [--events N] [--only a,b] [--skip-1gb] [--seed N]`
 * Each flag also reads an environment variable (BENCH_RUNS, BENCH_EVENTS,
 * BENCH_ONLY, BENCH_SKIP_1GB, BENCH_SEED, BENCH_QUICK) so CI can set them.
 */
import { parseArgs } from 'node:util'

export interface BenchOptions {
  runs: number
  events: number
  warmup: number
  /** Size of the peak-RSS input in bytes (1 GiB; 50 MB with --quick). */
  bigBytes: number
  skipBig: boolean
  seed: number
  /** Row ids or id prefixes; empty = every row. */
  only: string[]
  quick: boolean
  workersAll: number
}

export class UsageError extends Error {
  override name = 'UsageError'
}

export const USAGE = `Usage: pnpm bench [options]

  --quick          small sizes for a smoke run (20,000 events, 3 runs, 50 MB RSS input)
  --runs N         timed runs per row; the median is reported (default 5)
  --events N       events per generated stream (default 200,000)
  --only LIST      comma-separated row ids or prefixes (e.g. handwritten,mapdown,process)
  --skip-1gb       skip the peak-RSS rows on the 1 GiB input
  --seed N         generator seed (default 1)
  --workers-all N  the "all cores" worker count (default: os.availableParallelism())
  -h, --help       this text
`

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value <= 0) throw new UsageError(`invalid value \`${text}\` for \`--${name}\`, expected a positive integer`)
  return value
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv, cores: number): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean' },
      runs: { type: 'string' },
      events: { type: 'string' },
      only: { type: 'string' },
      'skip-1gb': { type: 'boolean' },
      seed: { type: 'string' },
      'workers-all': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) return 'help'
  const quick = values.quick ?? env['BENCH_QUICK'] === '1'
  const only = (values.only ?? env['BENCH_ONLY'] ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '')
  return {
    quick,
    runs: positiveInteger('runs', values.runs ?? env['BENCH_RUNS'], quick ? 3 : 5),
    events: positiveInteger('events', values.events ?? env['BENCH_EVENTS'], quick ? 20_000 : 200_000),
    warmup: quick ? 5_000 : 20_000,
    bigBytes: quick ? 50_000_000 : 1024 ** 3,
    skipBig: values['skip-1gb'] ?? env['BENCH_SKIP_1GB'] === '1',
    seed: positiveInteger('seed', values.seed ?? env['BENCH_SEED'], 1),
    only,
    workersAll: positiveInteger('workers-all', values['workers-all'] ?? env['BENCH_WORKERS_ALL'], cores),
  }
}

/** Whether a row is selected by `--only` (an exact id or an id prefix). */
export function selected(options: Pick<BenchOptions, 'only'>, id: string): boolean {
  return options.only.length === 0 || options.only.some((token) => id === token || id.startsWith(token))
}
