import { coerceInteger } from './integer.js'
import { describeValue } from './describe.js'
import { issueResult, type CoercionResult } from './result.js'

/** The highest TCP/UDP port number. */
export const MAX_PORT = 65535

/**
 * `port`: a TCP or UDP port number, 0-65535, read as `integer` reads whole
 * numbers (numbers or decimal digit text). A value outside the range is
 * `out_of_range`, not a port number that wrapped or a negative one: a
 * sensor that writes 70000 or -1 is wrong, and the record says so.
 */
export function coercePort(value: unknown): CoercionResult {
  const result = coerceInteger(value)
  if (result.kind === 'value') {
    const port = result.value as number
    return port >= 0 && port <= MAX_PORT ? result : outOfRange(value)
  }
  if (result.kind === 'issue' && result.code === 'out_of_range') return outOfRange(value)
  return issueResult('not_an_integer', `Unexpected ${describeValue(value)} for a port field, expected a whole number from 0 to ${MAX_PORT}`)
}

function outOfRange(value: unknown): CoercionResult {
  return issueResult('out_of_range', `Unexpected ${describeValue(value)} for a port field, expected a whole number from 0 to ${MAX_PORT}`)
}
