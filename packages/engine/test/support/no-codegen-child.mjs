// Run by no-codegen.test.ts as
//   node --disallow-code-generation-from-strings no-codegen-child.mjs <cases.json>
// Maps every case's lines with the built engine in its default (generated) mode
// and prints, as JSON, each result's JSON text, the stats and how many mappers
// and projections were generated. Exits 3 if code generation is not in fact disallowed.
import { readFileSync } from 'node:fs'
import { createEngine } from '../../dist/index.js'
import { engineInternals } from '../../dist/core/internals.js'

try {
  new Function('return 1')
  process.stderr.write('code generation is allowed in this process\n')
  process.exit(3)
} catch (error) {
  if (!(error instanceof EvalError)) throw error
}

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const out = cases.map(({ ir, options, lines }) => {
  const engine = createEngine(ir, options)
  const results = lines.map((line) => JSON.stringify(engine.mapLine(line)))
  return { results, stats: engine.stats(), generatedMappers: engineInternals(engine)?.generatedMappers ?? null, generatedProjectors: engineInternals(engine)?.generatedProjectors ?? null }
})
process.stdout.write(JSON.stringify(out))
