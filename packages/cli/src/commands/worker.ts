/**
 * `mapdown worker`: maps events from a NATS JetStream stream, as one of many workers
 * sharing a durable pull consumer. See docs/scale-out.md. The worker itself is the
 * `@mapdown/worker` package, loaded only here.
 */
import { engineFor, loadMapping } from '../dictionaries/load.js'
import { schemaOption } from '../dictionaries/schema-option.js'
import { describeError, exitCodeOf } from '../errors.js'
import { writeOutput } from '../io/write-output.js'
import { loadWorkerPackage } from '../worker/load.js'
import { HELP_REQUESTED, parseWorkerArgs, WORKER_USAGE } from '../worker/options.js'

export const help = WORKER_USAGE

/** Runs until SIGTERM or SIGINT (exit 0 after draining), or until consuming fails (exit 1). */
export async function run(argv: readonly string[]): Promise<number> {
  let debug = argv.includes('--debug')
  try {
    const options = parseWorkerArgs(argv)
    if (options === HELP_REQUESTED) {
      await writeOutput(undefined, help)
      return 0
    }
    debug = options.debug
    // Before the dictionaries are compiled: a missing package is the first thing to say.
    const { startWorker, stderrLog } = await loadWorkerPackage()
    const mapping = await loadMapping(options.dictionaries, process.stderr, { cache: options.cache })
    const schema = schemaOption('worker', options.schema, mapping.ir)
    const engine = engineFor(mapping, { onFieldError: options.onFieldError, ...(schema === undefined ? {} : { schema }) })
    const log = stderrLog(options.name)
    const worker = await startWorker(options, engine, log)

    const onSignal = (signal: NodeJS.Signals) => {
      // A second signal while draining means "now": leave without waiting.
      if (stopRequested) process.exit(130)
      stopRequested = true
      void worker.stop(signal)
    }
    let stopRequested = false
    process.on('SIGTERM', onSignal)
    process.on('SIGINT', onSignal)
    try {
      await worker.done
      return 0
    } finally {
      process.off('SIGTERM', onSignal)
      process.off('SIGINT', onSignal)
    }
  } catch (error) {
    process.stderr.write(describeError(error, debug) + '\n')
    return exitCodeOf(error)
  }
}
