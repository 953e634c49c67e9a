/**
 * Dispatch: `mapdown <command> [args]`. Command modules are imported lazily so
 * that `mapdown map -d ir.json` never loads the markdown toolchain, and only
 * `mapdown worker` loads the optional `@mapdown/worker` package (and NATS).
 */
import { describeError, exitCodeOf, UsageError } from './errors.js'
import { writeOutput } from './io/write-output.js'
import { cliVersion } from './version.js'

export interface CommandModule {
  run(argv: readonly string[]): Promise<number>
}

/** Every command, with a one-line summary for `mapdown --help`. */
export const COMMANDS: Readonly<Record<string, { summary: string; load(): Promise<CommandModule> }>> = {
  compile: { summary: 'compile dictionaries into the mapping IR, with diagnostics', load: () => import('./commands/compile.js') },
  check: { summary: "compile, then map each dictionary's own sample event", load: () => import('./commands/check.js') },
  init: { summary: 'draft a dictionary from a sample event', load: () => import('./commands/init.js') },
  map: { summary: 'map raw NDJSON events to normalised records', load: () => import('./commands/map.js') },
  worker: { summary: 'map events from a NATS JetStream stream', load: () => import('./commands/worker.js') },
  playground: { summary: 'edit dictionaries in the browser, with live diagnostics and mapping', load: () => import('./commands/playground.js') },
}

/** Summaries line up two spaces after the longest command name. */
const COMMAND_COLUMN = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2

export const help = `Usage: mapdown <command> [options]

Data-dictionary markdown in, normalised security telemetry out.

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(COMMAND_COLUMN)}${command.summary}`)
  .join('\n')}

Options:
  -h, --help     show this help (\`mapdown <command> --help\` for a command)
  -v, --version  show the version
      --debug    show stack traces on errors

Examples:
  mapdown compile dictionaries -o mapping.json
  mapdown check --format github
  mapdown map events.ndjson.gz -d mapping.json --stats > mapped.ndjson

Exit codes: 0 success, 1 fatal problem, 2 usage error.
`

/** Runs mapdown with `argv` (without the node and script paths); returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug')
  try {
    return await dispatch(argv)
  } catch (error) {
    process.stderr.write(describeError(error, debug) + '\n')
    return exitCodeOf(error)
  }
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    if (first === 'help' && rest[0] !== undefined) return dispatch([rest[0], '--help'])
    if (first === undefined) {
      process.stderr.write(help)
      return 2
    }
    await writeOutput(undefined, help)
    return 0
  }
  if (first === '-v' || first === '--version') {
    await writeOutput(undefined, `${cliVersion()}\n`)
    return 0
  }
  if (first.startsWith('-')) throw new UsageError(`expected a command before \`${first}\``)
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined
  if (command === undefined) {
    throw new UsageError(`unknown command \`${first}\`, expected one of ${Object.keys(COMMANDS).join(', ')}`)
  }
  const module = await command.load()
  return module.run(rest)
}
