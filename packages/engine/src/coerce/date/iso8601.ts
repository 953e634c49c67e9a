import { dateResult, invalidDate } from './range.js'
import type { CoercionResult } from '../result.js'

/**
 * A strict subset of ISO 8601: the extended calendar form that RFC 3339 and
 * every log shipper write. Date alone (`2019-10-24`, midnight), or date and
 * time to the minute, second or fraction, with `Z` or an offset
 * (`+02:00`, `+0200`, `+02`). Text without an offset is read as UTC. Week
 * dates, ordinal dates, basic forms and times without a date are refused: a
 * time alone would depend on the day the pipeline runs.
 */
const ISO_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/

const EXPECTED = 'an ISO 8601 date-time such as 2019-10-24T16:11:55.865Z'

export function coerceIso8601(value: unknown): CoercionResult {
  if (typeof value !== 'string' || value.length > 64) return invalidDate(value, EXPECTED)
  const match = ISO_TEXT.exec(value)
  if (match === null) return invalidDate(value, EXPECTED)
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset = 'Z'] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12) return invalidDate(value, EXPECTED, `month ${mo} does not exist`)
  if (day < 1 || day > daysInMonth(year, month)) return invalidDate(value, EXPECTED, `day ${d} does not exist in ${y}-${mo}`)
  if (hour > 23 || minute > 59 || second > 59) return invalidDate(value, EXPECTED, 'time of day out of range')
  const offsetMinutes = parseOffset(offset)
  if (offsetMinutes === undefined) return invalidDate(value, EXPECTED, `offset ${offset} out of range`)
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3))
  const instant = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  instant.setUTCFullYear(year, month - 1, day)
  instant.setUTCHours(hour, minute, second, millis)
  return dateResult(instant.getTime() - offsetMinutes * 60_000, value)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Minutes east of UTC, or undefined for an impossible offset. */
function parseOffset(offset: string): number | undefined {
  if (offset === 'Z' || offset === 'z') return 0
  const sign = offset.startsWith('-') ? -1 : 1
  const digits = offset.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0
  if (hours > 23 || minutes > 59) return undefined
  return sign * (hours * 60 + minutes)
}
