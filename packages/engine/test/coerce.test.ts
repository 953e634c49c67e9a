import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { FIELD_TYPES, type DateArgument, type FieldType } from '@mapdown/ir'
import { coerce } from '@mapdown/engine'
import { listFixtures, readJson, revive } from './support/fixtures.js'

interface CoercionCase {
  input: unknown
  dateArgument?: DateArgument
  value?: unknown
  absent?: true
  issue?: string
}

interface CoercionTable {
  type: FieldType
  cases: CoercionCase[]
}

const tables = listFixtures('coerce').map((file) => readJson('coerce', file) as CoercionTable)

function label(c: CoercionCase): string {
  const input = JSON.stringify(c.input) ?? String(c.input)
  const argument = c.dateArgument === undefined ? '' : ` (${JSON.stringify(c.dateArgument)})`
  const expected = c.absent ? 'absent' : c.issue !== undefined ? `issue ${c.issue}` : `value ${JSON.stringify(c.value)}`
  return `${input}${argument} -> ${expected}`
}

describe('coerce (fixture tables in test/fixtures/coerce/)', () => {
  it('should have one table per field type', () => {
    expect(tables.map((t) => t.type).sort()).toEqual([...FIELD_TYPES].sort())
  })

  for (const table of tables) {
    describe(table.type, () => {
      it.each(table.cases.map((c) => [label(c), c] as const))('should coerce %s', (_, c) => {
        const result = coerce(revive(c.input), table.type, c.dateArgument)
        if (c.absent) {
          expect(result).toEqual({ kind: 'absent' })
        } else if (c.issue !== undefined) {
          expect(result).toMatchObject({ kind: 'issue', code: c.issue })
          // Messages say what was wrong and what was expected.
          expect(result.kind === 'issue' && result.message).toMatch(/^Unexpected .+ expected /)
        } else {
          expect(result).toEqual({ kind: 'value', value: c.value })
          // -0 is never emitted (it would print as 0 but compare differently).
          expect(Object.is(result.kind === 'value' && result.value, -0)).toBe(false)
        }
      })
    })
  }
})

describe('coerce properties', () => {
  it('should never throw, and always give a value, absent or an issue, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(...FIELD_TYPES), (value, type) => {
        const result = coerce(value, type)
        expect(['value', 'absent', 'issue']).toContain(result.kind)
      }),
    )
  })

  it('should read every safe integer, as a number or as digits, as itself', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom<FieldType>('integer', 'long'), (n, type) => {
        const expected = n === 0 ? 0 : n
        expect(coerce(n, type)).toEqual({ kind: 'value', value: expected })
        expect(coerce(String(n), type)).toEqual({ kind: 'value', value: expected })
      }),
    )
  })

  it('should keep every int64 given as digits exact in a long', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => {
        const result = coerce(n.toString(), 'long')
        expect(result.kind).toBe('value')
        const value = result.kind === 'value' ? result.value : undefined
        expect(BigInt(value as string | number)).toBe(n)
        // A number only when it is exact as a number; the decimal text otherwise.
        expect(typeof value).toBe(n >= -(2n ** 53n - 1n) && n <= 2n ** 53n - 1n ? 'number' : 'string')
      }),
    )
  })

  it('should give back the same instant for every epoch millisecond in range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) - 1 }), (ms) => {
        const result = coerce(ms, 'date')
        expect(result.kind === 'value' && Date.parse(result.value as string)).toBe(ms)
        expect(coerce(result.kind === 'value' ? result.value : '', 'date', 'iso8601')).toEqual(result)
      }),
    )
  })

  it('should normalise addresses idempotently', () => {
    const address = fc.oneof(fc.ipV4(), fc.ipV6())
    fc.assert(
      fc.property(address, (text) => {
        const once = coerce(text, 'ip')
        expect(once.kind).toBe('value')
        const value = once.kind === 'value' ? (once.value as string) : ''
        expect(coerce(value, 'ip')).toEqual(once)
      }),
    )
  })
})
