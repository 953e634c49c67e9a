import { describeValue } from './describe.js'
import { issueResult, valueResult, type CoercionResult } from './result.js'

/**
 * `string`: strings as they are; numbers and booleans as their JavaScript
 * text (`String(n)`, so `-0` gives `"0"`); objects and arrays are refused
 * rather than flattened into `[object Object]`.
 */
export function coerceString(value: unknown): CoercionResult {
  switch (typeof value) {
    case 'string':
      return valueResult(value)
    case 'number':
      return valueResult(String(value))
    case 'boolean':
      return valueResult(value ? 'true' : 'false')
    default:
      return issueResult(
        'not_a_scalar',
        `Unexpected ${describeValue(value)} for a string field, expected a string, number or boolean`,
      )
  }
}
