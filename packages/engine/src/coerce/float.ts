import { DECIMAL_TEXT, MAX_NUMBER_TEXT } from './decimal.js'
import { describeValue } from './describe.js'
import { issueResult, valueResult, type CoercionResult } from './result.js'

/**
 * `float`: finite numbers, and decimal strings (optional exponent) whose
 * value is finite. NaN and Infinity are not JSON and are refused; `-0` is
 * emitted as `0`.
 */
export function coerceFloat(value: unknown): CoercionResult {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? valueResult(value === 0 ? 0 : value) : notANumber(value)
  }
  if (typeof value === 'string') {
    const text = value.trim()
    if (text.length > MAX_NUMBER_TEXT || !DECIMAL_TEXT.test(text)) return notANumber(value)
    const parsed = Number(text)
    if (!Number.isFinite(parsed)) {
      return issueResult(
        'out_of_range',
        `Unexpected ${describeValue(value)} for a float field, expected a value within the range of a double`,
      )
    }
    return valueResult(parsed === 0 ? 0 : parsed)
  }
  return notANumber(value)
}

function notANumber(value: unknown): CoercionResult {
  return issueResult(
    'not_a_number',
    `Unexpected ${describeValue(value)} for a float field, expected a finite number or a decimal string`,
  )
}
