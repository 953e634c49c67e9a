import { INTEGER_TEXT, MAX_NUMBER_TEXT } from './decimal.js'
import { describeValue } from './describe.js'
import { issueResult, valueResult, type CoercionResult } from './result.js'

/**
 * `integer`: whole numbers in JavaScript's safe-integer range
 * (±(2^53 - 1)), from numbers or from decimal digit strings. Anything larger
 * is `out_of_range` (use `long` for 64-bit values); fractions, NaN,
 * Infinity, exponents and hex text are `not_an_integer`.
 */
export function coerceInteger(value: unknown): CoercionResult {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return valueResult(value === 0 ? 0 : value)
    if (Number.isInteger(value)) return outOfRange(value)
    return notAnInteger(value)
  }
  if (typeof value === 'string') {
    const text = value.trim()
    if (text.length > MAX_NUMBER_TEXT || !INTEGER_TEXT.test(text)) return notAnInteger(value)
    const parsed = Number(text)
    if (!Number.isSafeInteger(parsed)) return outOfRange(value)
    return valueResult(parsed === 0 ? 0 : parsed)
  }
  return notAnInteger(value)
}

function notAnInteger(value: unknown): CoercionResult {
  return issueResult(
    'not_an_integer',
    `Unexpected ${describeValue(value)} for an integer field, expected a whole number or a string of decimal digits`,
  )
}

function outOfRange(value: unknown): CoercionResult {
  return issueResult(
    'out_of_range',
    `Unexpected ${describeValue(value)} for an integer field, expected a value between -(2^53 - 1) and 2^53 - 1 (use type long for 64-bit values)`,
  )
}
