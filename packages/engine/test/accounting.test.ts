import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { MappingIR } from '@mapdown/ir'
import { createEngine, type EngineStats, type MapResult } from '@mapdown/engine'
import { HOSTILE_KEYS, eventLine } from './support/events.js'
import { readJson } from './support/fixtures.js'

const ir = readJson('ir', 'several.ir.json') as MappingIR

/** Anything JSON can hold, hostile keys included, nested up to `depth`. */
function jsonish(depth: number): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...HOSTILE_KEYS, 'dns', 'tcpv4', 'event.type', 'event_type'))
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.integer(), fc.string({ maxLength: 8 })),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value
}

/** `{"a":` repeated, or `[` repeated: nesting far beyond any limit. */
const deepLine = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('{"a":', '[', '{"__proto__":'))
  .map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`)

const anyInput = fc.oneof(
  eventLine(ir).map((line) => ({ line })),
  jsonish(6).map((event) => ({ event })),
  fc.string({ maxLength: 40 }).map((line) => ({ line })),
  deepLine.map((line) => ({ line })),
  fc.constantFrom<unknown>(undefined, null, 42, 'x', [], Symbol('s'), () => 1, new Map(), Object.create(null)).map((event) => ({ event })),
)

function sum(record: Readonly<Record<string, number>>): number {
  return Object.values(record).reduce((a, b) => a + b, 0)
}

function checkInvariant(stats: EngineStats, results: MapResult[]): void {
  expect(stats.read).toBe(results.length)
  expect(stats.read).toBe(stats.mapped + stats.rejected)
  expect(sum(stats.rejectedByReason)).toBe(stats.rejected)
  expect(sum(stats.mappedByDictionary)).toBe(stats.mapped)
  expect(sum(stats.fieldIssuesByField)).toBe(stats.fieldIssues)
  expect(stats.mapped).toBe(results.filter((r) => r.ok).length)
  const issues = results.reduce((n, r) => n + (r.issues?.length ?? 0), 0)
  expect(stats.fieldIssues).toBe(issues)
  for (const result of results) {
    if (result.ok) {
      // Output never carries an inherited or prototype-changing key.
      expect(Object.getPrototypeOf(result.record)).toBe(Object.prototype)
      expect(Object.keys(result.record).at(-1)).toBe('@mapdown')
    }
  }
}

describe('accounting', () => {
  it('should keep read = mapped + rejected over any stream of events and lines, and never throw', () => {
    fc.assert(
      fc.property(fc.constantFrom('compiled' as const, 'interpreted' as const), fc.boolean(), fc.array(anyInput, { maxLength: 25 }), (mode, reject, inputs) => {
        const engine = createEngine(ir, { mode, onFieldError: reject ? 'reject' : 'keep', maxDepth: 16, maxLineBytes: 4096 })
        const results = inputs.map((input) => ('line' in input ? engine.mapLine(input.line as string) : engine.map(input.event)))
        checkInvariant(engine.stats(), results)
        // Every result can be written out as JSON (nothing too deep or cyclic slipped through).
        for (const result of results) expect(() => JSON.stringify(result)).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })

  it('should reject deep nesting as too_deep, from text or from objects', () => {
    const engine = createEngine(ir, { maxDepth: 64 })
    const line = `${'{"dns":'.repeat(100_000)}1${'}'.repeat(100_000)}`
    expect(engine.mapLine(line)).toMatchObject({ ok: false, reason: 'too_deep' })
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = { dns: deep }
    expect(engine.map(deep)).toMatchObject({ ok: false, reason: 'too_deep' })
    expect(engine.stats()).toMatchObject({ read: 2, rejected: 2, rejectedByReason: { too_deep: 2 } })
  })

  it('should not pollute prototypes, whatever the event holds', () => {
    const engine = createEngine(ir)
    engine.mapLine('{"__proto__":{"polluted":1},"dns":{"__proto__":{"polluted":2},"query":"x","constructor":{"prototype":{"polluted":3}}}}')
    engine.map(JSON.parse('{"dns":{"query":{"__proto__":{"polluted":4}}}}'))
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})
