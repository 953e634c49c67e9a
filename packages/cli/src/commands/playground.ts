/**
 * `mapdown playground`: the browser playground on 127.0.0.1, opening a
 * folder's dictionaries. The page compiles and maps in the browser; this
 * command only serves files.
 */
import { access } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js'
import { InputError, UsageError } from '../errors.js'
import { startPlaygroundServer } from '../playground/server.js'

export const help = `Usage: mapdown playground [options] [DIR]

Serves the mapdown playground on 127.0.0.1: edit a dictionary and see its
diagnostics, routing, fields and mapped events as you type, all computed in
the browser. The page opens the dictionaries of DIR (default: ./dictionaries),
read again on every reload.

Options:
      --port N        port to listen on (default: 5177; 0 picks a free one)
      --debug         show stack traces
  -h, --help          show this help

Stop it with Ctrl-C.
Exit codes: 0 stopped, 1 cannot serve, 2 usage error.

Examples:
  mapdown playground
  mapdown playground dictionaries/sentinelone-cloud-funnel --port 8080
`

const OPTIONS = {
  ...COMMON_OPTIONS,
  port: { type: 'string' },
} as const

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('playground', argv, OPTIONS)
  if (values.help) {
    process.stdout.write(help)
    return 0
  }
  if (positionals.length > 1) throw new UsageError('expected at most one folder of dictionaries', 'playground')
  const port = portOption(values.port)
  const libraryDir = positionals[0] ?? 'dictionaries'
  try {
    await access(libraryDir)
  } catch (error) {
    throw new InputError('cannot read the dictionary folder', libraryDir, { cause: error })
  }
  const { markdownFiles } = await import('@mapdown/compiler')
  const server = await startPlaygroundServer({ appDir: await builtApp(), libraryDir, port, listFiles: markdownFiles })
  process.stdout.write(`mapdown playground: ${server.url} (dictionaries from ${libraryDir})\n`)
  await stopSignal()
  await server.close()
  return 0
}

function portOption(text: string | undefined): number {
  if (text === undefined) return 5177
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`unexpected port \`${text}\`, expected a number from 0 to 65535`, 'playground')
  return port
}

/** The playground's built files, from the `@mapdown/playground` package. */
async function builtApp(): Promise<string> {
  const manifest = createRequire(import.meta.url).resolve('@mapdown/playground/package.json')
  const appDir = join(dirname(manifest), 'dist')
  try {
    await access(join(appDir, 'index.html'))
  } catch (error) {
    throw new InputError('the playground is not built (run `pnpm build`)', appDir, { cause: error })
  }
  return appDir
}

function stopSignal(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', () => done())
    process.once('SIGTERM', () => done())
  })
}
