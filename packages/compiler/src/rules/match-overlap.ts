import type { MatchIR, SourcePosition } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { predicatesOverlap } from '../routing/overlap.js'
import { defineRule } from './rule.js'

export const matchOverlap = defineRule({
  id: 'match-overlap',
  summary: "Two dictionaries' match predicates cannot tell their events apart (the paths one constrains are a subset of the other's, with compatible values).",
  severity: 'error',
  messages: {
    overlap: {
      text: 'Unexpected match predicate of `{{id}}` that overlaps `{{otherId}}` (`{{otherSource}}`), expected predicates that tell their events apart',
      note: 'Add or refine a `match:` key so that some field distinguishes the two kinds of event, or give one of them a higher `precedence:`.',
    },
  },
  example: {
    source: 'packages/compiler/test/cross-dictionary.test.ts',
    line: '10:8-10:21 error Unexpected match predicate of `sentinelone/B` that overlaps `sentinelone/A` (`a.md`), expected predicates that tell their events apart match-overlap',
  },
})

export interface CompiledRouting {
  ctx: FileContext
  id: string
  source: string
  match: MatchIR
  /** Where the routing evidence was written. */
  matchPosition: SourcePosition | undefined
  /** Where the rule name (the id) was written. */
  idPosition: SourcePosition | undefined
}

/**
 * Reports `later` when its predicate overlaps an earlier dictionary's
 * (`predicatesOverlap`); the later one is in error. Returns true when it did.
 */
export function checkMatchOverlap(later: CompiledRouting, earlier: readonly CompiledRouting[]): boolean {
  // A different precedence decides which dictionary takes an event both accept.
  const other = earlier.find(
    (candidate) => (candidate.match.precedence ?? 0) === (later.match.precedence ?? 0) && predicatesOverlap(candidate.match, later.match),
  )
  if (!other) return false
  matchOverlap.report(later.ctx, 'overlap', { id: later.id, otherId: other.id, otherSource: other.source }, later.matchPosition ?? later.idPosition ?? { line: 1, column: 1 }, {
    cause: other.ctx.causeAt(`\`${other.id}\` predicate in ${other.source}`, other.matchPosition),
  })
  return true
}
