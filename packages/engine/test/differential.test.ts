import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { MappingIR } from '@mapdown/ir'
import { createEngine, type EngineOptions } from '@mapdown/engine'
import { engineInternals } from '../src/core/internals.js'
import { MAX_GENERATED_SEGMENTS } from '../src/codegen/accessor.js'
import { eventLine } from './support/events.js'
import { irArbitrary } from './support/ir-arbitrary.js'
import { readJson } from './support/fixtures.js'

/**
 * The generated engine (generated mappers, indexed router) against the
 * interpreter, the reference semantics: same results, byte for byte as JSON
 * (so key order, absent-versus-null and issue lists included), same stats.
 * An IR with schemas is mapped through its first one (the `schema` option).
 */
const IRS = ['network-connection', 'several', 'loose-routing', 'schema-projection'].map((name) => [name, readJson('ir', `${name}.ir.json`) as MappingIR] as const)

const options: fc.Arbitrary<EngineOptions> = fc.record({
  emitNull: fc.boolean(),
  onFieldError: fc.constantFrom('keep' as const, 'reject' as const),
})

describe('compiled mode against the interpreter', () => {
  for (const [name, ir] of IRS) {
    it(`should map random events exactly as the interpreter does (${name})`, () => {
      fc.assert(
        fc.property(options, fc.array(eventLine(ir), { minLength: 1, maxLength: 20 }), (drawn, lines) => {
          const opts: EngineOptions = ir.schemas?.[0] ? { ...drawn, schema: ir.schemas[0].name } : drawn
          const reference = createEngine(ir, { ...opts, mode: 'interpreted' })
          const compiled = createEngine(ir, { ...opts, mode: 'compiled' })
          const compiledObjects = createEngine(ir, { ...opts, mode: 'compiled' })
          for (const line of lines) {
            const expected = reference.mapLine(line)
            const actual = compiled.mapLine(line)
            expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
            if (actual.ok && expected.ok) expect(Object.keys(actual.record)).toEqual(Object.keys(expected.record))
            // map() on the parsed event agrees with mapLine() on its text.
            expect(JSON.stringify(compiledObjects.map(JSON.parse(line)))).toBe(JSON.stringify(expected))
          }
          expect(compiled.stats()).toEqual(reference.stats())
          expect(compiledObjects.stats()).toEqual(reference.stats())
          // The fast path really ran: every mapped event went through a generated mapper.
          const internals = engineInternals(compiled)
          expect(internals?.mode).toBe('compiled')
          expect(internals?.generatedMappers).toBe(ir.dictionaries.length)
          // Every event that reached a mapper (mapped, or rejected for its field issues) ran a generated one.
          const stats = compiled.stats()
          expect(internals?.fastPathRuns()).toBe(stats.mapped + (stats.rejectedByReason['field_error'] ?? 0))
        }),
        { numRuns: 300 },
      )
    })
  }

  it('should map random events exactly as the interpreter does, over random IRs with hostile text everywhere', () => {
    const pwned = () => (globalThis as { __mapdownPwned?: unknown }).__mapdownPwned
    const seen = { mapped: 0, fieldIssues: 0, unexpectedShape: 0 }
    fc.assert(
      fc.property(
        options,
        irArbitrary.chain((ir) => fc.tuple(fc.constant(ir), fc.array(eventLine(ir), { minLength: 1, maxLength: 12 }))),
        (opts, [ir, lines]) => {
          const reference = createEngine(ir, { ...opts, mode: 'interpreted' })
          const generated = createEngine(ir, { ...opts, mode: 'compiled' })
          const generatedObjects = createEngine(ir, { ...opts, mode: 'compiled' })
          for (const line of lines) {
            const expected = reference.mapLine(line)
            if (expected.ok) seen.mapped += 1
            if (expected.issues?.some((issue) => issue.code === 'unexpected_shape')) seen.unexpectedShape += 1
            expect(JSON.stringify(generated.mapLine(line))).toBe(JSON.stringify(expected))
            expect(JSON.stringify(generatedObjects.map(JSON.parse(line)))).toBe(JSON.stringify(expected))
          }
          expect(generated.stats()).toEqual(reference.stats())
          expect(generatedObjects.stats()).toEqual(reference.stats())
          // Every dictionary got a generated mapper: hostile text never forces the fallback, and never runs.
          expect(engineInternals(generated)?.generatedMappers).toBe(ir.dictionaries.length)
          expect(pwned()).toBeUndefined()
          seen.fieldIssues += reference.stats().fieldIssues
        },
      ),
      { numRuns: 300 },
    )
    // The runs reached the mappers, with field issues and blocked paths among them (not only rejects).
    expect(seen.mapped).toBeGreaterThan(100)
    expect(seen.fieldIssues).toBeGreaterThan(100)
    expect(seen.unexpectedShape).toBeGreaterThan(10)
  })

  it('should leave a path deeper than MAX_GENERATED_SEGMENTS to the interpreter, with identical results', () => {
    const [, base] = IRS[0]!
    const dictionary = base.dictionaries[0]!
    const deep = (depth: number): string[] => Array.from({ length: depth }, () => 'a')
    const withPath = (segments: string[]): MappingIR => ({
      ...base,
      dictionaries: [{ ...dictionary, fields: [...dictionary.fields, { ...dictionary.fields[0]!, name: 'deep', path: { kind: 'nested', segments, text: segments.join('.') } }] }],
    })
    const nest = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : { a: nest(depth - 1, leaf) })
    for (const [depth, generatedMappers] of [
      [MAX_GENERATED_SEGMENTS, 1],
      [MAX_GENERATED_SEGMENTS + 1, 0],
    ] as const) {
      const ir = withPath(deep(depth))
      const events = [{ tcpv4: {}, ...(nest(depth, 'x') as object) }, { tcpv4: {}, ...(nest(depth - 1, 'blocked') as object) }, { tcpv4: {} }]
      const reference = createEngine(ir, { mode: 'interpreted', maxDepth: 1000 })
      const compiled = createEngine(ir, { mode: 'compiled', maxDepth: 1000 })
      for (const event of events) expect(JSON.stringify(compiled.map(event))).toBe(JSON.stringify(reference.map(event)))
      // The walk reached the leaf, and the block one level short of it.
      expect(JSON.stringify(reference.map(events[0]))).toContain('"deep"')
      expect(JSON.stringify(reference.map(events[1]))).toContain('unexpected_shape')
      expect(engineInternals(compiled)?.generatedMappers).toBe(generatedMappers)
    }
  })

  it('should not report the fast path for the interpreter', () => {
    const [, ir] = IRS[0]!
    const engine = createEngine(ir, { mode: 'interpreted' })
    engine.map({ tcpv4: {} })
    expect(engineInternals(engine)?.fastPathRuns()).toBe(0)
    expect(engineInternals(engine)?.generatedMappers).toBe(0)
  })
})

