/**
 * `mapdown compile`: dictionaries in, mapping IR out, diagnostics on stderr.
 */
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js'
import { compilePaths } from '../dictionaries/compile.js'
import { countMessages, diagnosticFormat, formatDiagnostics, writeDiagnostics } from '../diagnostics/format.js'
import { OutputSink } from '../io/sink.js'

export const help = `Usage: mapdown compile [options] [PATH...]

Compiles data-dictionary markdown into the mapping IR (JSON).
PATH is a dictionary (.md) or a folder searched recursively (default: ./dictionaries).

Options:
  -o, --out FILE      write the IR to FILE (default: stdout)
      --format NAME   diagnostics on stderr as text, json, sarif or github
                      (default: text)
      --strict        fail on warnings too
      --debug         show stack traces
  -h, --help          show this help

The IR is written only when compiling succeeds.
Exit codes: 0 compiled, 1 errors (or warnings with --strict), 2 usage error.

Examples:
  mapdown compile -o mapping.json
  mapdown compile dictionaries/sentinelone --strict --format github
  mapdown compile dictionaries --format sarif -o mapping.json 2> mapdown.sarif
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  out: { type: 'string', short: 'o' },
  format: { type: 'string' },
  strict: { type: 'boolean' },
} as const

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('compile', argv, OPTIONS)
  if (values.help) {
    process.stdout.write(help)
    return 0
  }
  const format = diagnosticFormat('compile', values.format)
  const result = await compilePaths(positionals)
  writeDiagnostics(await formatDiagnostics(result.files, format))

  const { errors, warnings } = countMessages(result.files)
  if (errors > 0 || (values.strict === true && warnings > 0)) return 1

  const { serializeIr } = await import('@mapdown/compiler')
  const out = values.out === undefined ? OutputSink.toStdout() : OutputSink.toFile(values.out)
  await out.write(serializeIr(result.ir))
  await out.end()
  return 0
}
