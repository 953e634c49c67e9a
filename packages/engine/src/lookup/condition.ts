import type { MatchCondition, MatchValue } from '@mapdown/ir'
import { looseKey } from './loose.js'

/**
 * Whether a condition holds over the values its path found (one or none for
 * simple paths, any number for JSONPath): `present` when some value is neither
 * null nor undefined, `equals` when some value equals one of the condition's
 * values (`===`, or for `compare: 'loose'` strings whose `looseKey`s are
 * equal). Shared by both modes' reference checks, so routing means the same.
 */
export function conditionHolds(condition: MatchCondition, found: readonly unknown[]): boolean {
  if (condition.op === 'present') return found.some((value) => value !== undefined && value !== null)
  if (condition.compare === 'loose') return found.some((value) => condition.values.some((expected) => looselyEqual(expected, value)))
  return found.some((value) => condition.values.some((expected) => expected === value))
}

function looselyEqual(expected: MatchValue, value: unknown): boolean {
  if (typeof expected === 'string' && typeof value === 'string') return looseKey(expected) === looseKey(value)
  return expected === value
}
