// Embeds the mapdown engine in a Node stream pipeline:
//
//   events (NDJSON file) ─► createMapStream(engine) ─► mapped NDJSON (file or stdout)
//                                    └─ onReject ─► rejects, counted by reason
//
// then prints the engine's stats on stderr. Run from the repository root, after
// `pnpm build` (it imports the packages as any consumer would, from dist/):
//
//   pnpm exec tsx examples/embed/embed.ts                          # the example stream, to stdout
//   pnpm exec tsx examples/embed/embed.ts events.ndjson --out mapped.ndjson
//   pnpm exec tsx examples/embed/embed.ts events.ndjson --ir ir.json   # a compiled IR: no markdown toolchain
//
// Exit code 0 when every line is accounted for (read = mapped + rejected), 1 otherwise.

import { createReadStream, createWriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { createEngine, createMapStream, type EngineStats } from '@mapdown/engine'

const DEFAULT_EVENTS = 'examples/events/events.ndjson'
const DEFAULT_DICTIONARIES = ['dictionaries/sentinelone', 'dictionaries/sentinelone-cloud-funnel']

/** The mapping IR: a compiled IR file when given, else the dictionaries compiled here. */
async function loadIr(irPath: string | undefined): Promise<unknown> {
  if (irPath !== undefined) return JSON.parse(await readFile(irPath, 'utf8'))
  // Imported only on this path: a pipeline that ships a compiled IR never loads the compiler.
  const { compileFiles, formatText } = await import('@mapdown/compiler')
  const compiled = await compileFiles(DEFAULT_DICTIONARIES)
  if (compiled.errorCount > 0) throw new Error(`the dictionaries do not compile:\n${formatText(compiled.files)}`)
  return compiled.ir
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, ir: { type: 'string' } },
  })
  const input = positionals[0] ?? DEFAULT_EVENTS

  const engine = createEngine(await loadIr(values.ir))

  // Rejected lines never reach the output: keep the first few for the report.
  const firstRejects: string[] = []
  const mapStream = createMapStream(engine, {
    onReject: (result, lineNo) => {
      if (firstRejects.length < 5) firstRejects.push(`  line ${lineNo}: ${result.reason}: ${result.message}`)
    },
  })

  try {
    await pipeline(createReadStream(input), mapStream, values.out === undefined ? process.stdout : createWriteStream(values.out))
  } catch (error) {
    // The reader of stdout went away (`| head`): stop quietly, as command-line tools do.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0
    throw error
  }

  const stats: EngineStats = engine.stats()
  const reconciled = stats.read === stats.mapped + stats.rejected
  process.stderr.write(
    [
      `read ${stats.read}, mapped ${stats.mapped}, rejected ${stats.rejected}, field issues ${stats.fieldIssues}` +
        (reconciled ? ' (read = mapped + rejected)' : ' (DOES NOT RECONCILE)'),
      'first rejects:',
      ...firstRejects,
      JSON.stringify(stats),
      '',
    ].join('\n'),
  )
  return reconciled ? 0 : 1
}

process.exitCode = await main()
