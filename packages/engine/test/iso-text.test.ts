import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoText } from '../src/coerce/date/iso-text.js'
import { SANE_DATE_RANGE } from '../src/coerce/date/range.js'

const { startMs, endMs } = SANE_DATE_RANGE
const reference = (ms: number) => new Date(ms).toISOString()

describe('isoText', () => {
  it('should write what Date#toISOString writes, for every instant a date field may hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: startMs, max: endMs - 1 }), (ms) => {
        expect(isoText(ms)).toBe(reference(ms))
      }),
      { numRuns: 20_000 },
    )
  })

  it('should write what Date#toISOString writes at the edges: range ends, month ends, leap days, 2000 and 2100', () => {
    const edges = [startMs, endMs - 1]
    for (let year = 1970; year < 2200; year++) {
      for (let month = 0; month < 12; month++) {
        const first = Date.UTC(year, month, 1)
        edges.push(first, first - 1, first + 999, first + 86_399_999)
      }
    }
    for (const ms of edges.filter((ms) => ms >= startMs && ms < endMs)) expect(isoText(ms)).toBe(reference(ms))
    expect(isoText(Date.UTC(2000, 1, 29, 23, 59, 59, 999))).toBe('2000-02-29T23:59:59.999Z')
    expect(isoText(Date.UTC(2100, 2, 1))).toBe('2100-03-01T00:00:00.000Z')
  })
})
