/**
 * What one coercion gives back. Kept allocation-light: `absent` is one shared
 * frozen object, and issues carry a stable `code` so that counters and tests
 * never depend on message wording.
 */

/** A coerced value, an absent source value, or an issue that explains why the value was refused. */
export type CoercionResult =
  | { readonly kind: 'value'; readonly value: string | number | boolean }
  | { readonly kind: 'absent' }
  | { readonly kind: 'issue'; readonly code: CoercionIssueCode; readonly message: string }

/** Every code a coercion can report, so callers can switch on them exhaustively. */
export type CoercionIssueCode =
  | 'not_a_scalar'
  | 'not_an_integer'
  | 'unsafe_integer'
  | 'not_a_number'
  | 'not_a_boolean'
  | 'invalid_ip'
  | 'invalid_date'
  | 'out_of_range'

export const ABSENT: CoercionResult = Object.freeze({ kind: 'absent' })

export function valueResult(value: string | number | boolean): CoercionResult {
  return { kind: 'value', value }
}

export function issueResult(code: CoercionIssueCode, message: string): CoercionResult {
  return { kind: 'issue', code, message }
}
