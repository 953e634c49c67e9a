/**
 * `mapdown compile`: dictionaries in, mapping IR out, and a report of the
 * diagnostics: on stdout when the IR goes to a file, else on stderr, or in
 * the `--output` file.
 */
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js'
import { COMPILE_TIMEOUT_OPTION, compilePaths, compileTimeout, DEFAULT_DICTIONARIES } from '../dictionaries/compile.js'
import { countMessages, diagnosticFormat, formatDiagnostics, writeReport, type ReportDestination } from '../diagnostics/format.js'
import { refuseClashingOutputs } from '../io/clashes.js'
import { writeOutput } from '../io/write-output.js'

export const help = `Usage: mapdown compile [options] [PATH...]

Compiles data-dictionary markdown into the mapping IR (JSON).
PATH is a dictionary (.md) or a folder searched recursively (default: ./dictionaries).

Options:
  -o, --out FILE      write the IR to FILE (default: stdout)
      --format NAME   the report of diagnostics as text, json, sarif or github
                      (default: text)
      --output FILE   write the report to FILE (default: stdout when the IR
                      goes to a file with -o, else stderr)
      --strict        fail on warnings too
      --compile-timeout S
                      stop compiling a dictionary file after S seconds
                      of CPU time (default: 20)
      --debug         show stack traces
  -h, --help          show this help

The IR is written only when compiling succeeds.
Exit codes: 0 compiled, 1 errors (or warnings with --strict), 2 usage error.

Examples:
  mapdown compile -o mapping.json
  mapdown compile dictionaries/sentinelone --strict --format github
  mapdown compile dictionaries -o mapping.json --format sarif > mapdown.sarif
  mapdown compile dictionaries --format sarif --output mapdown.sarif > mapping.json
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  out: { type: 'string', short: 'o' },
  format: { type: 'string' },
  output: { type: 'string' },
  strict: { type: 'boolean' },
  ...COMPILE_TIMEOUT_OPTION,
} as const

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('compile', argv, OPTIONS)
  if (values.help) {
    await writeOutput(undefined, help)
    return 0
  }
  const format = diagnosticFormat('compile', values.format)
  const outputs = [
    ['-o', values.out],
    ['--output', values.output],
  ] as const
  // Before compiling: the outputs against each other and the dictionaries named or in the folders named.
  await refuseClashingOutputs('compile', { outputs, inputs: positionals.length === 0 ? [DEFAULT_DICTIONARIES] : positionals })
  // stdout carries the IR unless -o sends it to a file.
  const destination: ReportDestination =
    values.output !== undefined ? { kind: 'file', path: values.output } : values.out !== undefined ? { kind: 'stdout' } : { kind: 'stderr' }
  const result = await compilePaths(positionals, compileTimeout('compile', values['compile-timeout']))
  // And against every file the compiler read (partials included from elsewhere too).
  await refuseClashingOutputs('compile', { outputs, inputs: result.files.map((file) => file.path) })
  await writeReport(await formatDiagnostics(result.files, format), destination)

  const { errors, warnings } = countMessages(result.files)
  if (errors > 0 || (values.strict === true && warnings > 0)) return 1

  const { serializeIr } = await import('@mapdown/compiler')
  await writeOutput(values.out, serializeIr(result.ir))
  return 0
}
