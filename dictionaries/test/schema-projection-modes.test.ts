// The shipped crosswalks in both engine modes: the generated projection (one function per
// dictionary and schema, the default) writes, for every event of the example streams, the
// very bytes the interpreted projection (the reference) writes.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEngine } from '@mapdown/engine'
import { describe, expect, it } from 'vitest'
import { compileLibrary } from '../scripts/library.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const STREAMS = ['examples/events/events.ndjson', 'examples/events/cloud-funnel-real-format.ndjson']
// The engine's internals (what really runs), from its sources: a path the type checker does not follow out of this package.
const INTERNALS = join(ROOT, 'packages/engine/src/core/internals.js')
const { engineInternals } = (await import(INTERNALS)) as { engineInternals: (engine: unknown) => { generatedProjectors: number } | undefined }

describe('the shipped crosswalks, generated against interpreted', () => {
  for (const schema of ['ecs', 'ocsf'] as const) {
    it(`should write byte-identical ${schema.toUpperCase()} records for every event of the example streams`, async () => {
      const { ir } = await compileLibrary()
      const generated = createEngine(ir, { schema })
      const reference = createEngine(ir, { schema, mode: 'interpreted' })
      expect(engineInternals(generated)?.generatedProjectors).toBe(ir.dictionaries.length)
      let mapped = 0
      for (const stream of STREAMS) {
        for (const line of readFileSync(join(ROOT, stream), 'utf8').split('\n')) {
          if (line === '') continue
          const expected = reference.mapLine(line)
          expect(JSON.stringify(generated.mapLine(line))).toBe(JSON.stringify(expected))
          if (expected.ok) mapped += 1
        }
      }
      expect(generated.stats()).toEqual(reference.stats())
      expect(mapped).toBeGreaterThan(1000)
    })
  }
})
