import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { MappingIR } from '@mapdown/ir'
import { createEngine, type EngineOptions } from '@mapdown/engine'
import { eventLine } from './support/events.js'
import { readJson } from './support/fixtures.js'
import { irArbitrary } from './support/ir-arbitrary.js'

/**
 * Where code generation is disallowed (`--disallow-code-generation-from-strings`,
 * as under a strict CSP), the engine's default mode must fall back to the
 * interpreter for every dictionary and give exactly the interpreter's results.
 * The child runs the built engine (`dist/`, which the test script builds first).
 */
const CHILD = fileURLToPath(new URL('./support/no-codegen-child.mjs', import.meta.url))

interface Case {
  ir: MappingIR
  options: EngineOptions
  lines: string[]
}

function cases(): Case[] {
  const fixed = ['network-connection', 'several', 'schema-projection'].map((name) => readJson('ir', `${name}.ir.json`) as MappingIR)
  const irs = [...fixed, ...fc.sample(irArbitrary, { numRuns: 40, seed: 20261201 })]
  return irs.map((ir, index) => {
    const lines = fc.sample(eventLine(ir), { numRuns: 15, seed: index })
    // An IR with a schema is mapped through it: the projection falls back to the interpreter too.
    const schema = ir.schemas?.[0]?.name
    const options: EngineOptions = { emitNull: index % 2 === 0, onFieldError: index % 3 === 0 ? 'reject' : 'keep', ...(schema ? { schema } : {}) }
    return { ir, options, lines }
  })
}

describe('code generation disallowed', () => {
  it('should map with the interpreter, exactly as the interpreter does', () => {
    const all = cases()
    const folder = mkdtempSync(join(tmpdir(), 'mapdown-no-codegen-'))
    try {
      const file = join(folder, 'cases.json')
      writeFileSync(file, JSON.stringify(all))
      const child = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', CHILD, file], { encoding: 'utf8', maxBuffer: 256 << 20 })
      expect(child.stderr).toBe('')
      expect(child.status).toBe(0)
      const outputs = JSON.parse(child.stdout) as { results: string[]; stats: unknown; generatedMappers: number | null; generatedProjectors: number | null }[]
      expect(outputs).toHaveLength(all.length)
      let mapped = 0
      for (const [index, { ir, options, lines }] of all.entries()) {
        const reference = createEngine(ir, { ...options, mode: 'interpreted' })
        const expected = lines.map((line) => JSON.stringify(reference.mapLine(line)))
        const output = outputs[index]!
        // No generated mapper or projection: the interpreter served every dictionary.
        expect(output.generatedMappers).toBe(0)
        expect(output.generatedProjectors).toBe(0)
        expect(output.results).toEqual(expected)
        expect(output.stats).toEqual(reference.stats())
        mapped += reference.stats().mapped
      }
      expect(mapped).toBeGreaterThan(50)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
