import type { MatchIR } from '@mapdown/ir'
import { conditionHolds } from '../lookup/condition.js'
import { lookupAll } from './lookup.js'

/**
 * Whether an event satisfies a dictionary's predicate: every condition holds
 * over what its path finds. The reference routing of the interpreter, shared
 * with the compiler's overlap check so that an example event it reports is
 * one the engine really routes to both dictionaries. Precedence is not
 * considered here: it decides among the predicates that hold.
 */
export function matchHolds(match: MatchIR, event: unknown): boolean {
  return match.all.every((condition) => conditionHolds(condition, lookupAll(event, condition.path)))
}
