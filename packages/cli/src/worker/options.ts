/**
 * `mapdown worker` options. The command line is the CLI's; what they mean at run time
 * is `@mapdown/worker`'s (`WorkerOptions`), a package the CLI loads only for this command.
 */
import { hostname } from 'node:os'
import type { OnFieldError } from '@mapdown/engine'
import type { WorkerOptions } from '@mapdown/worker'
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js'
import { UsageError } from '../errors.js'

const COMMAND = 'worker'

/** Everything `mapdown worker` needs to know: the worker's own options, and what to map with. */
export interface WorkerCommandOptions extends WorkerOptions {
  /** Dictionary files or folders (`.md`), or compiled IR files (`.json`). */
  dictionaries: string[]
  /** Engine option: what a field that fails its coercion does to the record. */
  onFieldError: OnFieldError
  /** Engine option: the schema to publish records in (`--schema`), checked against the IR once it is loaded; undefined for the standard names. */
  schema: string | undefined
  /** Use the compile cache for `.md` dictionaries (as `mapdown map` does); false with `--no-cache`. */
  cache: boolean
  /** Stack traces in error messages. */
  debug: boolean
}

export const WORKER_USAGE = `Usage: mapdown worker --stream NAME --consumer NAME --out-subject SUBJ --dlq-subject SUBJ -d PATH [options]

Maps events from a JetStream stream with a shared durable pull consumer.
Each input message holds one event (JSON) or several (NDJSON).

Required:
  --stream NAME            input stream (must exist)
  --consumer NAME          durable pull consumer, shared by all workers (created if missing)
  --out-subject SUBJ       subject of mapped records (must be captured by a stream)
  --dlq-subject SUBJ       subject of rejects and dead letters (must be captured by a stream)
  -d, --dict PATH          dictionary file or folder (.md), or compiled IR (.json); repeatable

Options:
  --nats URL[,URL...]      servers (default nats://127.0.0.1:4222)
  --batch N                messages per pull and in flight at once (default 100)
  --out-batch N            mapped records per output message, as NDJSON (default 1)
  --publish-window N       most outputs waiting for JetStream's acknowledgement (default 1000)
  --max-deliver N          processing attempts before a message is dead-lettered (default 5)
  --ack-wait MS            ack wait of a consumer this worker creates (default 30000)
  --filter-subject SUBJ    filter of a consumer this worker creates
  --publish-timeout MS     wait for JetStream's acknowledgement of an output (default 5000)
  --stats-interval MS      JSON stats line on stderr every MS (default 10000; 0: only at exit)
  --name NAME              client name (default mapdown-<host>-<pid>)
  --on-field-error MODE    keep | reject (default keep)
  --schema NAME            publish records in a schema of the dictionaries (ecs, ocsf)
                           instead of the standard names (default standard)
      --no-cache           compile the dictionaries even when the compile cache
                           ($XDG_CACHE_HOME/mapdown) holds them
      --debug              stack traces in error messages
  -h, --help               this help

SIGTERM or SIGINT drains: no new messages are pulled, messages in hand are finished
and acknowledged, then the worker exits 0.
`

/** `--help` was asked for: the caller prints WORKER_USAGE and exits 0. */
export const HELP_REQUESTED = Symbol('help')

const OPTIONS = {
  ...COMMON_OPTIONS,
  nats: { type: 'string' },
  stream: { type: 'string' },
  consumer: { type: 'string' },
  'filter-subject': { type: 'string' },
  'out-subject': { type: 'string' },
  'dlq-subject': { type: 'string' },
  dict: { type: 'string', short: 'd', multiple: true },
  batch: { type: 'string' },
  'out-batch': { type: 'string' },
  'publish-window': { type: 'string' },
  'ack-wait': { type: 'string' },
  'max-deliver': { type: 'string' },
  'publish-timeout': { type: 'string' },
  'stats-interval': { type: 'string' },
  name: { type: 'string' },
  'on-field-error': { type: 'string' },
  schema: { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const

/** Parses `mapdown worker` arguments; throws a UsageError naming the option at fault. */
export function parseWorkerArgs(argv: readonly string[]): WorkerCommandOptions | typeof HELP_REQUESTED {
  const parsed = parseCommandArgs(COMMAND, argv, OPTIONS)
  if (parsed.positionals.length > 0) {
    throw new UsageError(`unexpected argument \`${parsed.positionals[0]}\`: the worker reads from --stream, not from files`, COMMAND)
  }
  const values = parsed.values
  if (values.help === true) return HELP_REQUESTED
  const debug = values.debug === true

  const stream = required(values.stream, '--stream')
  const consumer = required(values.consumer, '--consumer')
  const outSubject = required(values['out-subject'], '--out-subject')
  const dlqSubject = required(values['dlq-subject'], '--dlq-subject')
  const dictionaries = values.dict ?? []
  if (dictionaries.length === 0) throw new UsageError('missing `-d/--dict PATH`: the dictionaries to map with', COMMAND)

  checkName(stream, '--stream')
  checkName(consumer, '--consumer')
  checkSubject(outSubject, '--out-subject')
  checkSubject(dlqSubject, '--dlq-subject')
  if (outSubject === dlqSubject) {
    throw new UsageError('`--out-subject` and `--dlq-subject` must differ, or mapped records and rejects could not be told apart', COMMAND)
  }
  const filterSubject = values['filter-subject']
  if (filterSubject !== undefined) checkSubject(filterSubject, '--filter-subject', true)

  const onFieldError = values['on-field-error'] ?? 'keep'
  if (onFieldError !== 'keep' && onFieldError !== 'reject') {
    throw new UsageError(`invalid value \`${onFieldError}\` for \`--on-field-error\`, expected \`keep\` or \`reject\``, COMMAND)
  }

  const servers = (values.nats ?? 'nats://127.0.0.1:4222').split(',').map((s) => s.trim()).filter((s) => s !== '')
  if (servers.length === 0) throw new UsageError('expected at least one server URL in `--nats`', COMMAND)

  return {
    servers,
    stream,
    consumer,
    filterSubject,
    outSubject,
    dlqSubject,
    dictionaries,
    batch: integer(values.batch, '--batch', 100, 1, 10_000),
    outBatch: integer(values['out-batch'], '--out-batch', 1, 1, 100_000),
    publishWindow: integer(values['publish-window'], '--publish-window', 1_000, 1, 1_000_000),
    ackWaitMs: integer(values['ack-wait'], '--ack-wait', 30_000, 1_000, 86_400_000),
    maxDeliver: integer(values['max-deliver'], '--max-deliver', 5, 1, 1_000),
    publishTimeoutMs: integer(values['publish-timeout'], '--publish-timeout', 5_000, 100, 600_000),
    statsIntervalMs: integer(values['stats-interval'], '--stats-interval', 10_000, 0, 86_400_000),
    name: values.name ?? `mapdown-${hostname()}-${process.pid}`,
    onFieldError,
    schema: values.schema,
    cache: values['no-cache'] !== true,
    debug,
  }
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`missing \`${option}\``, COMMAND)
  return value
}

function integer(text: string | undefined, option: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback
  if (!/^\d+$/.test(text.trim())) {
    throw new UsageError(`invalid value \`${text}\` for \`${option}\`, expected a whole number from ${min} to ${max}`, COMMAND)
  }
  const value = Number(text.trim())
  if (value < min || value > max) {
    throw new UsageError(`invalid value \`${text}\` for \`${option}\`, expected a whole number from ${min} to ${max}`, COMMAND)
  }
  return value
}

// JetStream stream and consumer names: no whitespace, dots, wildcards or path separators.
const NAME = /^[^\s.*>/\\]+$/

function checkName(value: string, option: string): void {
  if (!NAME.test(value)) {
    throw new UsageError(`invalid value \`${value}\` for \`${option}\`, expected a name without spaces, dots, \`*\`, \`>\`, \`/\` or \`\\\``, COMMAND)
  }
}

// Subjects are dot-separated tokens; outputs must be literal subjects, a filter may use wildcards.
function checkSubject(value: string, option: string, wildcardsAllowed = false): void {
  const tokens = value.split('.')
  const bad = tokens.find((token, index) => {
    if (token === '' || /\s/.test(token)) return true
    if (!wildcardsAllowed) return token.includes('*') || token.includes('>')
    if (token === '>') return index !== tokens.length - 1
    return token !== '*' && (token.includes('*') || token.includes('>'))
  })
  if (bad !== undefined) {
    const expected = wildcardsAllowed ? 'a subject (dot-separated tokens, `*` and a final `>` allowed)' : 'a literal subject (dot-separated tokens, no wildcards)'
    throw new UsageError(`invalid value \`${value}\` for \`${option}\`, expected ${expected}`, COMMAND)
  }
}
