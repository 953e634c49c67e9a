import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { MappingIR } from '@mapdown/ir'
import { createEngine, type EngineOptions } from '@mapdown/engine'
import { engineInternals } from '../src/core/internals.js'
import { generatedProjector, MAX_GENERATED_DEPTH } from '../src/codegen/projection.js'
import { interpretedProjector, projectionTree } from '../src/project/projection.js'
import { eventLine } from './support/events.js'
import { readJson } from './support/fixtures.js'
import { schemaIrArbitrary } from './support/schema-arbitrary.js'

/**
 * The generated projection (one function per dictionary and schema, compiled
 * mode) against the interpreted one, the reference: byte-identical JSON for
 * every event (key order, left-out empty objects, the metadata last, labels),
 * over random schemas with hostile keys, constants and value maps.
 */
const pwned = () => (globalThis as { __mapdownPwned?: unknown }).__mapdownPwned

const options: fc.Arbitrary<EngineOptions> = fc.record({
  emitNull: fc.boolean(),
  onFieldError: fc.constantFrom('keep' as const, 'reject' as const),
})

describe('generated projection against the interpreted one', () => {
  it('should project random events exactly as the interpreter does, over random schemas with hostile text and values everywhere', () => {
    const seen = { projected: 0, withValues: 0, labels: 0 }
    fc.assert(
      fc.property(
        options,
        schemaIrArbitrary.chain((ir) => fc.tuple(fc.constant(ir), fc.array(eventLine(ir), { minLength: 1, maxLength: 12 }))),
        (drawn, [ir, lines]) => {
          const opts: EngineOptions = { ...drawn, schema: ir.schemas![0]!.name }
          const reference = createEngine(ir, { ...opts, mode: 'interpreted' })
          const generated = createEngine(ir, { ...opts, mode: 'compiled' })
          for (const line of lines) {
            const expected = reference.mapLine(line)
            const actual = generated.mapLine(line)
            expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
            if (expected.ok && actual.ok) {
              seen.projected += 1
              if (Object.keys(expected.record).length > 1) seen.withValues += 1
              if (ir.schemas![0]!.metadataForm === 'labels') seen.labels += 1
            }
          }
          expect(generated.stats()).toEqual(reference.stats())
          // Every dictionary got a generated projection: hostile text never forces the fallback, and never runs.
          expect(engineInternals(generated)?.generatedProjectors).toBe(ir.dictionaries.length)
          expect(engineInternals(reference)?.generatedProjectors).toBe(0)
          expect(pwned()).toBeUndefined()
        },
      ),
      { numRuns: 300 },
    )
    // The runs projected records, many with values beside the metadata, in both metadata forms.
    expect(seen.projected).toBeGreaterThan(300)
    expect(seen.withValues).toBeGreaterThan(100)
    expect(seen.labels).toBeGreaterThan(50)
  })

  it('should give every value of the tree, directly, exactly what the interpreter gives', () => {
    // The projector alone, on records that hold anything a mapper writes (and null with emitNull).
    const record = fc.dictionary(fc.constantFrom('src_ip', 'src_port', 'event_time', 'constructor', 'toString', 'a.b', ' '), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)))
    fc.assert(
      fc.property(schemaIrArbitrary, fc.array(record, { minLength: 1, maxLength: 8 }), (ir, records) => {
        const schema = ir.schemas![0]!
        for (const projection of schema.projections) {
          const roots = projectionTree(projection.assignments, schema.metadata, schema.metadataForm === 'labels')
          const reference = interpretedProjector(roots)
          const generated = generatedProjector(roots)
          expect(generated).toBeTypeOf('function')
          for (const mapped of records) {
            const metadata = { dictionary: projection.dictionary, rule: 'r', logType: 'l', ...(mapped['src_port'] === 1 ? { issues: [{ field: 'x' }] } : {}) }
            expect(JSON.stringify(generated!(mapped, metadata))).toBe(JSON.stringify(reference(mapped, metadata)))
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('should give each record its own arrays and objects, in both modes, so a caller may change one without changing the next', () => {
    const ir = readJson('ir', 'schema-projection.ir.json') as MappingIR
    for (const mode of ['compiled', 'interpreted'] as const) {
      const engine = createEngine(ir, { schema: 'ecs', mode })
      const event = { tcpv4: { sourceAddress: { address: '10.0.0.1' } } }
      const first = engine.map(event)
      const second = engine.map(event)
      if (!first.ok || !second.ok) throw new Error('the fixture maps this event')
      const category = (first.record['event'] as { category: string[] }).category
      expect(category).toEqual(['network'])
      expect(category).not.toBe((second.record['event'] as { category: string[] }).category)
      category.push('changed')
      expect(engine.map(event)).toEqual(second)
      expect(JSON.stringify(ir)).not.toContain('changed')
    }
  })

  it('should leave a tree deeper than MAX_GENERATED_DEPTH to the interpreter, with identical results', () => {
    const ir = readJson('ir', 'schema-projection.ir.json') as MappingIR
    const schema = ir.schemas![0]!
    const projection = schema.projections[0]!
    for (const [depth, generatedProjectors] of [
      [MAX_GENERATED_DEPTH, 1],
      [MAX_GENERATED_DEPTH + 1, 0],
    ] as const) {
      const deep = { target: Array.from({ length: depth }, (_, index) => `k${index}`), value: { kind: 'field', name: 'src_ip' } } as const
      const withDeep: MappingIR = { ...ir, schemas: [{ ...schema, projections: [{ ...projection, assignments: [...projection.assignments, deep] }] }] }
      const compiled = createEngine(withDeep, { schema: 'ecs' })
      const reference = createEngine(withDeep, { schema: 'ecs', mode: 'interpreted' })
      const event = { tcpv4: { sourceAddress: { address: '10.0.0.1' } } }
      expect(JSON.stringify(compiled.map(event))).toBe(JSON.stringify(reference.map(event)))
      expect(JSON.stringify(reference.map(event))).toContain(`"k${depth - 1}":"10.0.0.1"`)
      expect(engineInternals(compiled)?.generatedProjectors).toBe(generatedProjectors)
    }
  })
})
