import type { MatchCondition, MatchIR, MatchValue, PathIR } from '@mapdown/ir'

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

type Constraint = { op: 'present' } | { op: 'equals'; values: readonly MatchValue[] }

/** One constraint per path; several conditions on one path are intersected. */
function constraints(conditions: readonly MatchCondition[]): Map<string, Constraint> {
  const byPath = new Map<string, Constraint>()
  for (const condition of conditions) {
    const key = pathKey(condition.path)
    const next: Constraint = condition.op === 'present' ? { op: 'present' } : { op: 'equals', values: condition.values }
    const previous = byPath.get(key)
    byPath.set(key, previous ? intersect(previous, next) : next)
  }
  return byPath
}

function intersect(a: Constraint, b: Constraint): Constraint {
  if (a.op === 'present' && b.op === 'present') return a
  if (a.op === 'present' && b.op === 'equals') return { op: 'equals', values: b.values.filter((value) => value !== null) }
  if (a.op === 'equals' && b.op === 'present') return { op: 'equals', values: a.values.filter((value) => value !== null) }
  if (a.op === 'equals' && b.op === 'equals') return { op: 'equals', values: a.values.filter((value) => b.values.includes(value)) }
  return a
}

function compatible(a: Constraint, b: Constraint): boolean {
  return !(a.op === 'equals' && a.values.length === 0) && !(b.op === 'equals' && b.values.length === 0) && satisfiable(intersect(a, b))
}

function satisfiable(constraint: Constraint): boolean {
  return constraint.op === 'present' || constraint.values.length > 0
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
