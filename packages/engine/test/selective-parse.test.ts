import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MAX_SCAN_DEPTH, selectiveParser } from '../src/scan/selective-parse.js'
import { topLevelReadSet } from '../src/scan/event-reader.js'
import { readJson } from './support/fixtures.js'
import { escapeKeys, hostileEdits } from './support/hostile-lines.js'
import type { MappingIR } from '@mapdown/ir'

/**
 * The selective parser against JSON.parse, the reference: whenever it
 * answers, JSON.parse accepts the line and gives the same values for the
 * kept keys (same key order, -0, __proto__ as an own property); whenever
 * JSON.parse refuses a line, the selective parser declines it (so the engine
 * runs JSON.parse and rejects it with JSON.parse's message).
 */

/** Keys that reach prototypes, need escapes, or are spelled alike. */
const KEYS = ['event.type', 'event.category', 'src', 'src.process.name', 'a', 'b', '', '__proto__', 'constructor', 'toString', 'é', '\uD800', 'say "hi"', 'back\\slash', 'tab\there', 'line\u2028sep'] as const

function check(wanted: readonly string[], line: string): 'accepted' | 'declined' {
  let expected: unknown
  let refused = false
  try {
    expected = JSON.parse(line)
  } catch {
    refused = true
  }
  const actual = selectiveParser(wanted)(line)
  if (actual === undefined) return 'declined'
  expect(refused, `JSON.parse refuses ${JSON.stringify(line)}, the selective parser accepted it`).toBe(false)
  expect(expected !== null && typeof expected === 'object' && !Array.isArray(expected)).toBe(true)
  const whole = expected as Record<string, unknown>
  const set = new Set(wanted)
  expect(Object.getPrototypeOf(actual)).toBe(Object.prototype)
  expect(Object.keys(actual)).toEqual(Object.keys(whole).filter((key) => set.has(key)))
  for (const key of Object.keys(actual)) {
    expect(Object.hasOwn(actual, key)).toBe(true)
    expect(actual[key]).toStrictEqual(whole[key])
    if (typeof whole[key] === 'number') expect(Object.is(actual[key], whole[key])).toBe(true)
  }
  return 'accepted'
}

const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }))
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(-0, 1e400, -1e-400, 2 ** 53 + 1, 0.1, 'E_UNSUPPORTED', '\uD800', '\uDC00x', '"', '\\', '\u0000', '\u2028'),
  fc.string({ unit: 'binary', maxLength: 8 }),
)

/** An object's text with its members spelled as JSON.stringify would, spaces optional: duplicates allowed. */
const objectLine = fc
  .tuple(fc.array(fc.tuple(key, value), { maxLength: 12 }), fc.constantFrom('', ' ', '  '))
  .map(([members, space]) => `${space}{${members.map(([k, v]) => `${space}${JSON.stringify(k)}${space}:${space}${JSON.stringify(v) ?? 'null'}`).join(`,${space}`)}${space}}${space}`)

const escapedKeys = fc.tuple(objectLine, fc.boolean()).map(([line, all]) => escapeKeys(line, all))
const mutated = hostileEdits(objectLine)

const wantedKeys = fc.subarray([...KEYS], { minLength: 0 })

describe('selectiveParser against JSON.parse', () => {
  it('should give JSON.parse values for the kept keys of random objects, and accept them', () => {
    let accepted = 0
    fc.assert(
      fc.property(wantedKeys, objectLine, (wanted, line) => {
        if (check(wanted, line) === 'accepted') accepted += 1
      }),
      { numRuns: 2000 },
    )
    // JSON.stringify escapes control characters, so nearly every line is read by the scanner itself.
    expect(accepted).toBeGreaterThan(1800)
  })

  it('should never accept a line JSON.parse refuses, after random hostile edits', () => {
    let refused = 0
    fc.assert(
      fc.property(wantedKeys, mutated, (wanted, line) => {
        let ok = true
        try {
          JSON.parse(line)
        } catch {
          ok = false
        }
        if (!ok) refused += 1
        check(wanted, line)
      }),
      { numRuns: 5000 },
    )
    expect(refused).toBeGreaterThan(2500)
  })

  it('should decode escaped keys as JSON.parse does', () => {
    let accepted = 0
    fc.assert(
      fc.property(wantedKeys, escapedKeys, (wanted, line) => {
        if (check(wanted, line) === 'accepted') accepted += 1
      }),
      { numRuns: 1000 },
    )
    // The re-spelling may also land inside a string value that ends in a colon; most lines stay valid and are read here.
    expect(accepted).toBeGreaterThan(800)
  })

  it('should support the hand-picked hostile lines as JSON.parse does', () => {
    const wanted = ['event.type', 'a', '__proto__', 'src', 'n']
    const lines = [
      '{"ev\\u0065nt.type":"IP Connect"}',
      '{"a":1,"a":2,"b":3,"a":{"x":[1,2]}}',
      '{"__proto__":{"polluted":true},"a":1}',
      '{"__proto__":1,"__proto__":2}',
      '\uFEFF{"a":1}',
      ' {"a" : 1 } ',
      '\t{"a":1}\n',
      '{"a":"\\uD800","b":"\uD800"}',
      '{"a":"\\ud83d\\ude00"}',
      '{"n":1e400,"a":-0,"b":-1e-400,"src":123456789012345678901234567890}',
      '{"n":01}',
      '{"n":1.}',
      '{"n":.5}',
      '{"n":-}',
      '{"n":1e}',
      '{"n":+1}',
      '{"a":"\\x"}',
      '{"a":"\\u12G4"}',
      '{"a":"raw\u0001control"}',
      '{"b":"raw\u001fcontrol","a":1}',
      '{"b":[1,2,],"a":1}',
      '{"b":{"c":1,},"a":1}',
      '{"b":{"c" 1},"a":1}',
      '{"b":[1 2],"a":1}',
      '{"b":tru,"a":1}',
      '{"b":nul,"a":1}',
      '{"a":1,}',
      '{"a":1}x',
      '{"a":1}{"a":2}',
      '{"a":1',
      '{"a":"unterminated}',
      '{"a":"esc at end\\',
      '{a:1}',
      "{'a':1}",
      '[{"a":1}]',
      '"a"',
      '1',
      'null',
      '',
      ' ',
      '{}',
      '{"b":"\\"a\\":1","a":"x\\"y"}',
      '{"b":"a\\\\","a":"\\\\"}',
      `{"b":${'['.repeat(MAX_SCAN_DEPTH + 5)}${']'.repeat(MAX_SCAN_DEPTH + 5)},"a":1}`,
      `{"b":${'['.repeat(MAX_SCAN_DEPTH - 2)}${']'.repeat(MAX_SCAN_DEPTH - 2)},"a":1}`,
      `{"a":${'{"a":'.repeat(10)}1${'}'.repeat(10)}}`,
    ]
    const outcomes = lines.map((line) => check(wanted, line))
    // The 13 valid ones without a control character, a BOM or nesting past MAX_SCAN_DEPTH were read by the scanner itself.
    expect(outcomes.filter((outcome) => outcome === 'accepted').length).toBe(13)
  })
})

describe('topLevelReadSet', () => {
  it('should list the first segment and the flat key of every path the dictionaries read', () => {
    const ir = readJson('ir', 'network-connection.ir.json') as MappingIR
    const keys = topLevelReadSet(ir.dictionaries)
    expect(keys).toBeDefined()
    for (const dictionary of ir.dictionaries) {
      for (const path of [...dictionary.match.all.map((c) => c.path), ...dictionary.fields.map((f) => f.path)]) {
        if (path.kind === 'flat' || path.kind === 'either') expect(keys!.has(path.key)).toBe(true)
        if (path.kind === 'nested' || path.kind === 'either') expect(keys!.has(String(path.segments[0]))).toBe(true)
      }
    }
  })

  it('should not know the read set of a dictionary with a JSONPath', () => {
    const ir = readJson('ir', 'network-connection.ir.json') as MappingIR
    const dictionary = ir.dictionaries[0]!
    const withJsonPath = { ...dictionary, fields: [...dictionary.fields, { ...dictionary.fields[0]!, path: { kind: 'jsonpath' as const, expression: '$..x', text: '$..x' } }] }
    expect(topLevelReadSet([withJsonPath])).toBeUndefined()
  })
})
