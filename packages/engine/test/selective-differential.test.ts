import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { MappingIR } from '@mapdown/ir'
import { createEngine, type EngineOptions } from '@mapdown/engine'
import { engineInternals } from '../src/core/internals.js'
import { eventReader, topLevelReadSet } from '../src/scan/event-reader.js'
import { eventLine, fieldValue, HOSTILE_KEYS } from './support/events.js'
import { escapeKeys, hostileEdits } from './support/hostile-lines.js'
import { irArbitrary } from './support/ir-arbitrary.js'
import { readJson } from './support/fixtures.js'

/**
 * Compiled mode with selective reading turned on (it is off by default, see
 * docs/parse-floor.md) reads lines with the selective parser (scan/) when the
 * dictionaries' read set is known; the interpreter always runs JSON.parse.
 * Both must give the same results and stats, byte for byte, on events full
 * of keys nobody reads, with escaped, duplicated and hostile keys, spaces,
 * and on lines that are not JSON at all (rejected with JSON.parse's reason).
 */
const IRS = ['network-connection', 'loose-routing', 'schema-projection'].map((name) => [name, readJson('ir', `${name}.ir.json`) as MappingIR] as const)

const options: fc.Arbitrary<EngineOptions> = fc.record({
  emitNull: fc.boolean(),
  onFieldError: fc.constantFrom('keep' as const, 'reject' as const),
})

/** Members nobody reads, and duplicates of the keys the dictionaries read (the last one wins). */
function extraMember(ir: MappingIR): fc.Arbitrary<string> {
  const read = [...(topLevelReadSet(ir.dictionaries) ?? [])]
  return fc
    .tuple(fc.oneof(fc.constantFrom('osSrc.process.pid', 'unread', 'src.process.x', ...HOSTILE_KEYS), fc.constantFrom('', ...read)), fc.oneof(fieldValue, fc.jsonValue({ maxDepth: 3 })))
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? 'null'}`)
}

/** An event line of the IR with members added before and after its own, spaced or not, keys escaped or not. */
function selectiveLine(ir: MappingIR): fc.Arbitrary<string> {
  const member = extraMember(ir)
  return fc
    .tuple(eventLine(ir), fc.array(member, { maxLength: 6 }), fc.array(member, { maxLength: 6 }), fc.constantFrom('', ' '), fc.constantFrom('none', 'some', 'all'))
    .map(([line, before, after, space, escapes]) => {
      const inner = line.slice(1, -1)
      const members = [...before, ...(inner === '' ? [] : [inner]), ...after]
      const text = `${space}{${members.join(`,${space}`)}}${space}`
      return escapes === 'none' ? text : escapeKeys(text, escapes === 'all')
    })
}

function anyLine(ir: MappingIR): fc.Arbitrary<string> {
  const line = selectiveLine(ir)
  return fc.oneof({ weight: 3, arbitrary: line }, { weight: 1, arbitrary: hostileEdits(line) })
}

/** Maps the lines with both engines and compares them; returns how many lines the compiled one read selectively. */
function compare(ir: MappingIR, opts: EngineOptions, lines: readonly string[]): number {
  const reference = createEngine(ir, { ...opts, mode: 'interpreted' })
  const compiled = createEngine(ir, { ...opts, mode: 'compiled' })
  engineInternals(compiled)?.setSelectiveReading(true)
  for (const line of lines) expect(JSON.stringify(compiled.mapLine(line))).toBe(JSON.stringify(reference.mapLine(line)))
  expect(compiled.stats()).toEqual(reference.stats())
  expect(engineInternals(reference)?.selectiveReads()).toBe(0)
  return engineInternals(compiled)?.selectiveReads() ?? 0
}

describe('compiled mode with selective reading against the interpreter', () => {
  for (const [name, ir] of IRS) {
    it(`should map lines with unread, escaped, duplicated keys and broken JSON exactly as the interpreter does (${name})`, () => {
      let selective = 0
      fc.assert(
        fc.property(options, fc.array(anyLine(ir), { minLength: 1, maxLength: 16 }), (drawn, lines) => {
          selective += compare(ir, ir.schemas?.[0] ? { ...drawn, schema: ir.schemas[0].name } : drawn, lines)
        }),
        { numRuns: 300 },
      )
      // The selective parser really ran (not JSON.parse every time).
      expect(selective).toBeGreaterThan(1000)
    })
  }

  it('should map random IRs with hostile text exactly as the interpreter does, on lines read selectively', () => {
    let selective = 0
    fc.assert(
      fc.property(
        options,
        irArbitrary.filter((ir) => topLevelReadSet(ir.dictionaries) !== undefined).chain((ir) => fc.tuple(fc.constant(ir), fc.array(anyLine(ir), { minLength: 1, maxLength: 12 }))),
        (opts, [ir, lines]) => {
          selective += compare(ir, opts, lines)
        },
      ),
      { numRuns: 300 },
    )
    expect(selective).toBeGreaterThan(500)
  })
})

describe('eventReader', () => {
  const ir = IRS[0]![1]
  const line = (padding: number) => JSON.stringify({ tcpv4: { sourceAddress: { address: '1.2.3.4' } }, ...Object.fromEntries(Array.from({ length: padding }, (_, i) => [`unread${i}`, 'x'.repeat(20)])) })

  it('should read selectively while the kept values are a small share of the lines', () => {
    const reader = eventReader(ir.dictionaries)!
    for (let i = 0; i < 2000; i++) expect(reader.read(line(40))).toEqual({ tcpv4: { sourceAddress: { address: '1.2.3.4' } } })
  })

  it('should leave lines to JSON.parse for a while when the kept values are most of them, then try again', () => {
    const reader = eventReader(ir.dictionaries)!
    const answers = Array.from({ length: 16 + 512 + 16 }, () => reader.read(line(0)) !== undefined)
    expect(answers.slice(0, 16).every(Boolean)).toBe(true)
    expect(answers.slice(16, 16 + 512).some(Boolean)).toBe(false)
    expect(answers.slice(16 + 512).every(Boolean)).toBe(true)
  })

  it('should read every line with JSON.parse unless turned on, with the same results', () => {
    const lines = Array.from({ length: 50 }, (_, i) => line(i))
    const on = createEngine(ir)
    const off = createEngine(ir)
    engineInternals(on)?.setSelectiveReading(true)
    for (const text of lines) expect(JSON.stringify(off.mapLine(text))).toBe(JSON.stringify(on.mapLine(text)))
    expect(engineInternals(on)?.selectiveReads()).toBeGreaterThan(0)
    expect(engineInternals(off)?.selectiveReads()).toBe(0)
  })

  it('should not exist for dictionaries whose read set is unknown', () => {
    const several = readJson('ir', 'several.ir.json') as MappingIR
    expect(eventReader(several.dictionaries)).toBeUndefined()
  })
})
