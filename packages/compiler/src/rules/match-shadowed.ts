import { predicateImplies } from '../routing/implies.js'
import { pathList, type CompiledRouting } from './match-overlap.js'
import { defineRule } from './rule.js'

const NOTE =
  'An event both predicates accept goes to the dictionary of higher `precedence:`. Give the outranked dictionary a condition the other one rejects, or a precedence of its own (the library\'s convention: dictionaries/README.md).'

export const matchShadowed = defineRule({
  id: 'match-shadowed',
  summary: 'A dictionary never gets an event: one of higher precedence accepts every event its match predicate accepts.',
  docs:
    'When predicates overlap, `precedence:` decides which dictionary takes an event both accept. If the lower dictionary\'s predicate accepts nothing the higher one does not (every condition of the higher one follows from a condition of the lower one on the same path), the lower dictionary never gets an event: it compiles, maps its sample in `mapdown check`, and is dead in production. Reported on the later dictionary in input order (the library before the files checked), naming both and their precedence. Only certain cases are reported: a condition that follows from several conditions together, or from a path written another way (nested, flat, JSONPath), is not searched.',
  severity: 'warning',
  messages: {
    shadowed: {
      text: 'Unexpected dictionary `{{id}}` that never gets an event: `{{otherId}}` (in `{{otherSource}}`, precedence {{otherPrecedence}}) accepts every event its predicate ({{paths}}) accepts and outranks its precedence {{precedence}}, expected a predicate that `{{otherId}}` rejects or a higher precedence',
      note: NOTE,
    },
    shadows: {
      text: 'Unexpected precedence {{precedence}} of `{{id}}` that takes every event of `{{otherId}}` (in `{{otherSource}}`, precedence {{otherPrecedence}}): its predicate ({{paths}}) accepts every event that one ({{otherPaths}}) accepts, expected a predicate that `{{otherId}}`\'s events can fail or a lower precedence',
      note: NOTE,
    },
  },
  example: {
    source: 'packages/compiler/test/cross-dictionary.test.ts',
    line: '5:1-5:6 warning Unexpected dictionary `sentinelone/Outgoing` that never gets an event: `sentinelone/Any` (in `a.md`, precedence 1) accepts every event its predicate (`event.type`, `direction`) accepts and outranks its precedence 0, expected a predicate that `sentinelone/Any` rejects or a higher precedence match-shadowed',
  },
})

/**
 * Warns when `later` and an earlier dictionary of another precedence are
 * such that the lower one never gets an event (`predicateImplies`). The
 * first such pair is reported, on `later` either way: it is the file being
 * checked when a file is checked against the library.
 */
export function checkMatchShadowed(later: CompiledRouting, earlier: readonly CompiledRouting[]): void {
  const precedence = later.match.precedence ?? 0
  for (const other of earlier) {
    const otherPrecedence = other.match.precedence ?? 0
    if (otherPrecedence === precedence) continue
    const laterIsLower = precedence < otherPrecedence
    const [lower, higher] = laterIsLower ? [later, other] : [other, later]
    if (!predicateImplies(lower.match, higher.match)) continue
    const where = later.matchPosition ?? later.idPosition ?? { line: 1, column: 1 }
    const names = { id: later.id, paths: pathList(later.match), otherId: other.id, otherPaths: pathList(other.match), otherSource: other.source, precedence, otherPrecedence }
    const cause = other.ctx.causeAt(`\`${other.id}\` predicate in ${other.source}`, other.matchPosition)
    matchShadowed.report(later.ctx, laterIsLower ? 'shadowed' : 'shadows', names, where, { cause })
    return
  }
}
