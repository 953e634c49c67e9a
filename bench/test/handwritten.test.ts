import { readdirSync, readFileSync } from 'node:fs'
import { isIPv4 } from 'node:net'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { epochMsToIso, integer, ipv4, mapNetworkConnection, mapNetworkConnectionLine } from '../src/handwritten.js'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'handwritten')
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

describe('hand-written mapper: fixtures (input.json -> expected.json, null = not a NetworkConnection event)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`should map ${name}`, () => {
      const expected = readJson(join(FIXTURES, name, 'expected.json'))
      const input = readJson(join(FIXTURES, name, 'input.json'))
      expect(mapNetworkConnection(input)).toEqual(expected)
      // The line form writes the same record, keys in the dictionary's order.
      const line = mapNetworkConnectionLine(JSON.stringify(input))
      expect(line).toBe(expected === null ? null : JSON.stringify(expected))
    })
  }
})

describe('hand-written mapper: coercions', () => {
  const octet = fc.integer({ min: 0, max: 300 }).map(String)
  const octetWithZeros = fc.tuple(fc.constantFrom('', '0', '00'), octet).map(([zeros, digits]) => zeros + digits)
  const dottedish = fc
    .array(fc.oneof(octet, octetWithZeros, fc.constantFrom('', 'a', '-1', ' 1')), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join('.'))

  it('should accept exactly the IPv4 addresses node:net accepts', () => {
    fc.assert(
      fc.property(fc.oneof(dottedish, fc.string()), (text) => {
        expect(ipv4(text) !== undefined).toBe(isIPv4(text))
      }),
      { numRuns: 5000 },
    )
  })

  it('should not support non-strings as addresses', () => {
    for (const value of [null, undefined, 1234, { address: '1.2.3.4' }, ['1.2.3.4']]) expect(ipv4(value)).toBeUndefined()
  })

  it('should keep safe integers and decimal strings (trimmed, signed), and nothing else', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        expect(integer(value)).toBe(value)
      }),
    )
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (value) => {
        expect(integer(String(value))).toBe(value)
      }),
    )
    expect(integer(' +443 ')).toBe(443)
    for (const value of [1.5, Number.NaN, Infinity, 2 ** 53, '1.5', '0x10', '', '1e3', '9007199254740993', 'E_UNSUPPORTED', null, true]) {
      expect(integer(value)).toBeUndefined()
    }
  })

  it('should write epoch milliseconds from 1970 up to 2200 as Date#toISOString does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) - 1 }), (ms) => {
        const iso = new Date(ms).toISOString()
        expect(epochMsToIso(ms)).toBe(iso)
        expect(epochMsToIso(String(ms))).toBe(iso)
        expect(epochMsToIso(ms + 0.9)).toBe(iso)
      }),
    )
    expect(epochMsToIso('1.5719335158657e12')).toBe('2019-10-24T16:11:55.865Z')
    for (const value of ['yesterday', '', -1, Date.UTC(2200, 0, 1), Number.NaN, null, {}]) expect(epochMsToIso(value)).toBeUndefined()
  })
})
