/**
 * `mapdown check`: compile, then run each dictionary's own Event JSON sample
 * through the engine and report every field's outcome. The check a team runs
 * on each dictionary pull request.
 */
import { createEngine } from '@mapdown/engine'
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js'
import { addFindings } from '../check/findings.js'
import { checkReport } from '../check/report.js'
import { checkSamples } from '../check/samples.js'
import { watchChecks } from '../check/watch.js'
import { COMPILE_TIMEOUT_OPTION, compilePaths, compileTimeout, DEFAULT_DICTIONARIES } from '../dictionaries/compile.js'
import { CompileThread } from '../dictionaries/compile-thread.js'
import { schemaOption } from '../dictionaries/schema-option.js'
import { libraryFolder } from '../dictionaries/library.js'
import { countMessages, diagnosticFormat, writeReport, type DiagnosticFormat } from '../diagnostics/format.js'
import { refuseClashingOutputs } from '../io/clashes.js'
import { writeOutput } from '../io/write-output.js'

export const help = `Usage: mapdown check [options] [PATH...]

Compiles the dictionaries, then maps each one's own Event JSON sample and
reports every field's outcome: its value, an issue, or absent.
PATH is a dictionary (.md) or a folder searched recursively (default: ./dictionaries).

Named dictionaries are checked against the library they join (--library DIR,
default ./dictionaries when it exists): its dictionaries are compiled first and
loaded into the engine, so a duplicate id, a routing overlap or a Standard Name
typed differently is reported on the named file, and its sample must route to it
among them all. Only the named files are reported on.

The report goes to stdout, or to the --output file: with text, the outcome
tables then the diagnostics (problems found in the samples included) with
their hints; with json, one document holding both. sarif and github hold the
diagnostics only, and the outcome tables go to stderr.

Options:
      --format NAME   text, json, sarif or github (default: text)
      --output FILE   write the report to FILE instead of stdout
      --strict        fail on warnings too (sample problems become errors)
      --library DIR   the dictionaries the named ones join (default: ./dictionaries)
      --compile-timeout S
                      stop compiling a dictionary file after S seconds
                      of CPU time (default: 20)
      --schema NAME   also print, per dictionary, what the schema's crosswalk
                      fills (OCSF: required and recommended attributes of the
                      class); after a text report, else on stderr
      --watch         check again on every save of a dictionary, until
                      Ctrl-C (each run's counts and time go to stderr)
      --debug         show stack traces
  -h, --help          show this help

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.

Examples:
  mapdown check
  mapdown check dictionaries/sentinelone/network-connection.md
  mapdown check new-dictionary.md --library dictionaries
  mapdown check --watch new-dictionary.md
  mapdown check --strict --format github
  mapdown check --format sarif --output mapdown.sarif
  mapdown check --schema ocsf
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: 'string' },
  output: { type: 'string' },
  strict: { type: 'boolean' },
  library: { type: 'string' },
  ...COMPILE_TIMEOUT_OPTION,
  schema: { type: 'string' },
  watch: { type: 'boolean' },
} as const

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', argv, OPTIONS)
  if (values.help) {
    await writeOutput(undefined, help)
    return 0
  }
  const format = diagnosticFormat('check', values.format)
  const strict = values.strict === true
  const outputs = [['--output', values.output]] as const
  await refuseClashingOutputs('check', { outputs, inputs: positionals.length === 0 ? [DEFAULT_DICTIONARIES] : positionals })
  // Without PATH the library itself is checked; named files join it.
  const library = positionals.length === 0 ? undefined : await libraryFolder(values.library)
  if (library !== undefined) await refuseClashingOutputs('check', { outputs, inputs: [library] })
  const timeout = compileTimeout('check', values['compile-timeout'])
  const once = (thread?: CompileThread) => checkOnce({ positionals, library, format, strict, output: values.output, schema: values.schema, timeout, thread })
  if (values.watch !== true) {
    const { errors, warnings } = await once()
    return errors > 0 || (strict && warnings > 0) ? 1 : 0
  }
  const thread = new CompileThread()
  const paths = positionals.length === 0 ? [DEFAULT_DICTIONARIES] : [...positionals, ...(library === undefined ? [] : [library])]
  return watchChecks({ paths, check: () => once(thread), close: () => thread.close(), debug: values.debug === true })
}

interface CheckRun {
  positionals: readonly string[]
  library: string | undefined
  format: DiagnosticFormat
  strict: boolean
  output: string | undefined
  schema: string | undefined
  timeout: number
  /** The compiler thread kept between runs of `--watch`. */
  thread: CompileThread | undefined
}

/** One check: compile, map the samples, write the report; returns the counts that decide the exit code. */
async function checkOnce(run: CheckRun): Promise<{ errors: number; warnings: number }> {
  const { positionals, library, format, strict, output } = run
  const outputs = [['--output', output]] as const
  const result = await compilePaths(positionals, run.timeout, library, run.thread)
  await refuseClashingOutputs('check', { outputs, inputs: result.files.map((file) => file.path) })

  let checks: ReturnType<typeof checkSamples> = []
  if (result.ir.dictionaries.length > 0) {
    // `keep`: a field issue is reported per field, never hidden by rejecting the whole sample.
    const engine = createEngine(result.ir, { onFieldError: 'keep' })
    const checked = new Set(result.files.map((file) => file.path))
    checks = checkSamples(result.ir, result.samples, engine).filter((check) => checked.has(check.dictionary.source))
    addFindings(checks, result.files, strict)
  }
  const schema = schemaOption('check', run.schema, result.ir)
  const report = await checkReport(format, checks, result.files)
  if (report.aside !== undefined) await writeReport(report.aside, { kind: 'stderr' })
  let coverage: string | undefined
  if (schema !== undefined) {
    // Loaded only when asked: the definitions are large.
    const { coverageTable, schemaCoverage } = await import('../check/coverage.js')
    const compiled = result.ir.schemas!.find((candidate) => candidate.name === schema)!
    coverage = coverageTable(compiled, schemaCoverage(compiled))
  }
  // After the text report on stdout, in the same write (a writer closes its sink); beside a
  // machine-readable report or a file, on stderr.
  const onStdout = format === 'text' && output === undefined
  await writeReport(onStdout && coverage !== undefined ? `${report.main}${report.main.endsWith('\n') ? '' : '\n'}${coverage}` : report.main, output === undefined ? { kind: 'stdout' } : { kind: 'file', path: output })
  if (coverage !== undefined && !onStdout) await writeReport(coverage, { kind: 'stderr' })

  return countMessages(result.files)
}
