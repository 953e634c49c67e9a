import { DECIMAL_TEXT, MAX_NUMBER_TEXT } from '../decimal.js'
import { dateResult, invalidDate } from './range.js'
import type { CoercionResult } from '../result.js'

/**
 * Numbers, and numeric strings (SentinelOne sends `millisecondsSinceEpoch` as
 * text in some dialects), counted from the Unix epoch. Sub-millisecond parts
 * are truncated toward the past, as `Date` does.
 */
function epochNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string') {
    const text = value.trim()
    if (text.length > MAX_NUMBER_TEXT || !DECIMAL_TEXT.test(text)) return undefined
    return Number(text)
  }
  return undefined
}

export function coerceEpochMilliseconds(value: unknown): CoercionResult {
  const ms = epochNumber(value)
  if (ms === undefined) return invalidDate(value, 'epoch milliseconds as a number or a numeric string')
  return dateResult(Math.floor(ms), value)
}

export function coerceEpochSeconds(value: unknown): CoercionResult {
  const seconds = epochNumber(value)
  if (seconds === undefined) return invalidDate(value, 'epoch seconds as a number or a numeric string')
  // Round to microseconds first so that 1571933515.865 (really ...864999...) gives .865.
  return dateResult(Math.floor(Math.round(seconds * 1e6) / 1e3), value)
}
