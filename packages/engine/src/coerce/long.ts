import { INTEGER_TEXT, MAX_NUMBER_TEXT } from './decimal.js'
import { describeValue } from './describe.js'
import { issueResult, valueResult, type CoercionResult } from './result.js'

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const INT64_LIMIT = 2 ** 63

/**
 * `long`: signed 64-bit integers without ever losing precision.
 *
 * - Within the safe-integer range (±(2^53 - 1)) the value is a JSON number.
 * - Beyond it but within int64, a value given as a digit string is emitted as
 *   its exact decimal text (a string), as protobuf's JSON mapping does for int64.
 * - A JavaScript number beyond 2^53 already lost its exact value when the
 *   event was parsed, so it is refused as `unsafe_integer` instead of being
 *   passed on as a silently wrong number.
 * - Beyond int64: `out_of_range`.
 */
export function coerceLong(value: unknown): CoercionResult {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return valueResult(value === 0 ? 0 : value)
    if (!Number.isInteger(value)) return notAnInteger(value)
    if (value >= INT64_LIMIT || value < -INT64_LIMIT) return outOfRange(value)
    return issueResult(
      'unsafe_integer',
      `Unexpected ${describeValue(value)} for a long field (a number beyond 2^53 has already lost precision when the JSON was parsed), expected a safe integer or the value as a string of digits`,
    )
  }
  if (typeof value === 'string') {
    const text = value.trim()
    if (text.length > MAX_NUMBER_TEXT || !INTEGER_TEXT.test(text)) return notAnInteger(value)
    const parsed = Number(text)
    if (Number.isSafeInteger(parsed)) return valueResult(parsed === 0 ? 0 : parsed)
    const exact = BigInt(text)
    if (exact < INT64_MIN || exact > INT64_MAX) return outOfRange(value)
    return valueResult(exact.toString())
  }
  return notAnInteger(value)
}

function notAnInteger(value: unknown): CoercionResult {
  return issueResult(
    'not_an_integer',
    `Unexpected ${describeValue(value)} for a long field, expected a whole number or a string of decimal digits`,
  )
}

function outOfRange(value: unknown): CoercionResult {
  return issueResult(
    'out_of_range',
    `Unexpected ${describeValue(value)} for a long field, expected a value between -2^63 and 2^63 - 1`,
  )
}
