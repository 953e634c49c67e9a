import { describeValue } from '../describe.js'
import { issueResult, valueResult, type CoercionResult } from '../result.js'
import { isoText } from './iso-text.js'

/**
 * The dates a pipeline can believe, as epoch milliseconds, start inclusive,
 * end exclusive: 1970-01-01T00:00:00.000Z to 2200-01-01T00:00:00.000Z.
 * Anything outside is an `out_of_range` issue, never a date: real SentinelOne
 * data carries `18446732429235951616` (2^64 minus a little, an unset uint64)
 * where a time should be, and zero-padded or year-0 values appear too.
 */
export const SANE_DATE_RANGE = Object.freeze({ startMs: Date.UTC(1970, 0, 1), endMs: Date.UTC(2200, 0, 1) })

/** The ISO 8601 UTC text (`YYYY-MM-DDTHH:mm:ss.sssZ`) of an instant, or `out_of_range`. */
export function dateResult(ms: number, original: unknown): CoercionResult {
  if (!(ms >= SANE_DATE_RANGE.startMs && ms < SANE_DATE_RANGE.endMs)) {
    return issueResult(
      'out_of_range',
      `Unexpected ${describeValue(original)} for a date field, expected an instant from 1970-01-01 up to (not including) 2200-01-01`,
    )
  }
  return valueResult(isoText(ms))
}

export function invalidDate(value: unknown, expected: string, detail?: string): CoercionResult {
  const why = detail === undefined ? '' : ` (${detail})`
  return issueResult('invalid_date', `Unexpected ${describeValue(value)} for a date field, expected ${expected}${why}`)
}
