import type { MatchCondition } from '@mapdown/ir'

/**
 * Whether a condition holds over the values its path found (one or none for
 * simple paths, any number for JSONPath): `present` when some value is neither
 * null nor undefined, `equals` when some value is strictly equal to one of
 * the condition's values. Shared by both modes, so routing means the same.
 */
export function conditionHolds(condition: MatchCondition, found: readonly unknown[]): boolean {
  if (condition.op === 'present') return found.some((value) => value !== undefined && value !== null)
  return found.some((value) => condition.values.some((expected) => expected === value))
}
