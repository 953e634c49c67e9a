import { describeValue } from './describe.js'
import { issueResult, valueResult, type CoercionResult } from './result.js'

const TRUE = valueResult(true)
const FALSE = valueResult(false)

/**
 * `boolean`: `true`/`false`, the strings `"true"`/`"false"` (any case),
 * `1`/`0`, `"1"`/`"0"` and SentinelOne's tri-state `E_TRUE`/`E_FALSE`
 * (`E_UNSUPPORTED` is absent, handled before this runs).
 */
export function coerceBoolean(value: unknown): CoercionResult {
  switch (typeof value) {
    case 'boolean':
      return value ? TRUE : FALSE
    case 'number':
      if (value === 1) return TRUE
      if (value === 0) return FALSE
      break
    case 'string':
      switch (value.length <= 7 ? value.toLowerCase() : '') {
        case 'true':
        case '1':
          return TRUE
        case 'false':
        case '0':
          return FALSE
      }
      if (value === 'E_TRUE') return TRUE
      if (value === 'E_FALSE') return FALSE
      break
  }
  return issueResult(
    'not_a_boolean',
    `Unexpected ${describeValue(value)} for a boolean field, expected true, false, "true", "false", 1, 0, E_TRUE or E_FALSE`,
  )
}
