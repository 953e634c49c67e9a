import type { MatchCondition, MatchIR, MatchValue, PathIR } from '@mapdown/ir'
import { looseKey } from '@mapdown/engine'

/**
 * Whether two match predicates can accept the same event, decided statically.
 *
 * - Disjoint: some path is constrained by both in incompatible ways (`equals`
 *   sets with nothing in common, or `equals [null]` against `present`).
 * - Overlapping: otherwise, when the paths one predicate constrains are a
 *   subset of the other's: nothing tells their events apart.
 * - Otherwise (different paths, nothing conflicting) they are accepted: an
 *   event that happens to satisfy both is the engine's `ambiguous_match`.
 *   This keeps Deep Visibility dictionaries (one present key each) apart.
 */
export function predicatesOverlap(a: MatchIR, b: MatchIR): boolean {
  const left = constraints(a.all)
  const right = constraints(b.all)
  // A predicate that contradicts itself (`present` and `equals [null]` on one path) accepts nothing.
  if (![...left.values(), ...right.values()].every(satisfiable)) return false
  for (const [path, constraint] of left) {
    const other = right.get(path)
    if (other && !compatible(constraint, other)) return false
  }
  return isSubset(left, right) || isSubset(right, left)
}

/** Every condition on one path. */
type Constraint = readonly MatchCondition[]

/** The conditions of a predicate, grouped by the path they read. */
function constraints(conditions: readonly MatchCondition[]): Map<string, Constraint> {
  const byPath = new Map<string, MatchCondition[]>()
  for (const condition of conditions) {
    const key = pathKey(condition.path)
    const list = byPath.get(key)
    if (list) list.push(condition)
    else byPath.set(key, [condition])
  }
  return byPath
}

function compatible(a: Constraint, b: Constraint): boolean {
  return satisfiable([...a, ...b])
}

/**
 * Whether one value can satisfy every condition on a path. If some value
 * does, one of the listed values does too (an exact condition admits only its
 * own values; a loose one admits its values' spellings, which satisfy the
 * other loose conditions as well as the value itself), so they are the only
 * candidates to try.
 */
function satisfiable(conditions: Constraint): boolean {
  const candidates: MatchValue[] = []
  for (const condition of conditions) if (condition.op === 'equals') candidates.push(...condition.values)
  if (candidates.length === 0) return true
  return candidates.some((candidate) => conditions.every((condition) => admits(condition, candidate)))
}

function admits(condition: MatchCondition, value: MatchValue): boolean {
  if (condition.op === 'present') return value !== null
  if (condition.compare === 'loose' && typeof value === 'string') {
    const key = looseKey(value)
    return condition.values.some((expected) => typeof expected === 'string' && looseKey(expected) === key)
  }
  return condition.values.some((expected) => expected === value)
}

function isSubset(a: Map<string, Constraint>, b: Map<string, Constraint>): boolean {
  for (const key of a.keys()) if (!b.has(key)) return false
  return true
}

/** A path's identity for comparison: what it reads, not how it was written. */
export function pathKey(path: PathIR): string {
  switch (path.kind) {
    case 'nested':
    case 'either':
      return JSON.stringify(path.segments.map(String))
    case 'flat':
      return JSON.stringify([path.key])
    case 'jsonpath':
      return `jsonpath:${path.expression}`
  }
}
