import type { MatchCondition, MatchValue, PathIR } from '@mapdown/ir'
import { looseKey } from '@mapdown/engine'

type MatchPredicate = { readonly all: readonly MatchCondition[] }

/**
 * Whether every event that `given` accepts, `wanted` accepts too, decided
 * soundly: true only when certain. Each condition of `wanted` must follow
 * from one condition of `given` on the same path (the same kind, segments,
 * key or JSONPath expression): then whatever that path finds in an event
 * that satisfies `given` satisfies `wanted`'s condition as well. Conditions
 * that only follow from several of `given`'s together, or from a path
 * written another way, are not searched: the answer is then false.
 */
export function predicateImplies(given: MatchPredicate, wanted: MatchPredicate): boolean {
  return wanted.all.every((condition) => given.all.some((known) => samePath(known.path, condition.path) && conditionImplies(known, condition)))
}

/**
 * Whether a value that satisfies `known` satisfies `wanted`, on the same path.
 * One witness value is enough for either condition to hold (`conditionHolds`
 * in the engine), so it is decided value by value.
 */
function conditionImplies(known: MatchCondition, wanted: MatchCondition): boolean {
  if (known.op === 'present') return wanted.op === 'present'
  return known.values.every((value) => {
    if (wanted.op === 'present') return value !== null
    // A loose condition accepts every spelling of a string (`IP Connect`, `ipconnect`): each must be accepted.
    if (known.compare === 'loose' && typeof value === 'string') return wanted.compare === 'loose' && wanted.values.some((expected) => typeof expected === 'string' && looseKey(expected) === looseKey(value))
    return wanted.values.some((expected) => valuesMatch(expected, value, wanted.compare === 'loose'))
  })
}

function valuesMatch(expected: MatchValue, value: MatchValue, loose: boolean): boolean {
  if (loose && typeof expected === 'string' && typeof value === 'string') return looseKey(expected) === looseKey(value)
  return expected === value
}

function samePath(a: PathIR, b: PathIR): boolean {
  switch (a.kind) {
    case 'nested':
      return b.kind === 'nested' && sameSegments(a.segments, b.segments)
    case 'flat':
      return b.kind === 'flat' && a.key === b.key
    case 'either':
      return b.kind === 'either' && a.key === b.key && sameSegments(a.segments, b.segments)
    case 'jsonpath':
      return b.kind === 'jsonpath' && a.expression === b.expression
  }
}

function sameSegments(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index])
}
