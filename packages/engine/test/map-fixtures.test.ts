import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine, type EngineOptions } from '@mapdown/engine'
import { FIXTURES, listFixtures, readJson } from './support/fixtures.js'

/**
 * Fixture cases in test/fixtures/map/<case>/: `case.json` names the IR
 * (test/fixtures/ir/<name>.ir.json) and the options; `events.ndjson` holds
 * one input line per event; `expected.ndjson` one MapResult per line, as JSON
 * (so key order is part of the expectation); `expected.stats.json` the
 * counters after the run. Both modes must produce exactly these files.
 * `UPDATE_FIXTURES=1` rewrites the expected files (review the diff!).
 */
interface MapCase {
  ir: string
  options?: EngineOptions
}

const MODES = ['interpreted', 'compiled'] as const

describe('engine.mapLine (fixtures in test/fixtures/map/)', () => {
  for (const name of listFixtures('map')) {
    const folder = join(FIXTURES, 'map', name)
    const spec = readJson('map', name, 'case.json') as MapCase
    const ir = readJson('ir', `${spec.ir}.ir.json`)
    const lines = readFileSync(join(folder, 'events.ndjson'), 'utf8').split('\n').slice(0, -1)

    for (const mode of MODES) {
      it(`should map ${name} (${mode})`, () => {
        const engine = createEngine(ir, { ...spec.options, mode })
        const actual = lines.map((line) => JSON.stringify(engine.mapLine(line))).join('\n') + '\n'
        const stats = JSON.stringify(engine.stats(), null, 2) + '\n'
        const expectedPath = join(folder, 'expected.ndjson')
        const statsPath = join(folder, 'expected.stats.json')
        if (process.env['UPDATE_FIXTURES'] === '1' && mode === 'interpreted') {
          writeFileSync(expectedPath, actual)
          writeFileSync(statsPath, stats)
        }
        expect(existsSync(expectedPath), `${expectedPath} is missing; run with UPDATE_FIXTURES=1 and review it`).toBe(true)
        expect(actual).toBe(readFileSync(expectedPath, 'utf8'))
        expect(stats).toBe(readFileSync(statsPath, 'utf8'))
      })
    }
  }
})
