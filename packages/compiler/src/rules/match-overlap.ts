import type { MatchIR, SourcePosition } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { findOverlap, MAX_EITHER_PATHS, type MatchOverlap } from '../routing/overlap.js'
import { defineRule } from './rule.js'

const NOTE =
  'Tell the two kinds of event apart with a `match:` key both read (different values), or give the dictionary that should win an event both accept a higher `precedence:` (the library\'s convention: dictionaries/README.md).'

export const matchOverlap = defineRule({
  id: 'match-overlap',
  summary: 'Two dictionaries of the same precedence have match predicates that one event can satisfy both of (on the same paths or on different ones).',
  docs:
    "Routing is decided before run time, so that `ambiguous_match` never happens for a library that compiles. For every two dictionaries of the same `precedence:` the compiler builds an event that satisfies both predicates (one value per location: a listed value where a path must equal one, `\"x\"` where it only has to be present; a dotted path tried both nested and as one flat key), checks it with the engine's own routing (`matchHolds`) and, when both accept it, reports it with the paths each predicate reads. Predicates on different paths overlap too: `match: { event.type: X }` and `match: src.ip` both accept an event that has both. The later dictionary (in input order; the library before the files checked) is in error and left out of the IR. Tell the events apart with a path both predicates read, with values that differ, or say which dictionary wins with `precedence:` (the higher takes an event both accept; default 0). JSONPath conditions are decided at run time only: a pair whose example a JSONPath condition rejects is reported as a possible overlap.",
  severity: 'error',
  messages: {
    overlap: {
      text: 'Unexpected match predicate of `{{id}}` ({{paths}}) that overlaps `{{otherId}}` ({{otherPaths}} in `{{otherSource}}`) at the same precedence {{precedence}}: both accept `{{example}}`, expected predicates that tell their events apart',
      note: NOTE,
    },
    undecided: {
      text: 'Unexpected match predicate of `{{id}}` ({{paths}}) that may overlap `{{otherId}}` ({{otherPaths}} in `{{otherSource}}`) at the same precedence {{precedence}}: {{why}}, expected predicates that tell their events apart',
      note: NOTE,
    },
  },
  example: {
    source: 'packages/compiler/test/cross-dictionary.test.ts',
    line: '5:1-5:6 error Unexpected match predicate of `sentinelone/B` (`src.ip`) that overlaps `sentinelone/A` (`event.type` in `a.md`) at the same precedence 0: both accept `{"event":{"type":"X"},"src":{"ip":"x"}}`, expected predicates that tell their events apart match-overlap',
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

/** The longest example event written into a message, in characters of JSON. */
const MAX_EXAMPLE_LENGTH = 300

/**
 * Reports `later` when its predicate overlaps that of an earlier dictionary
 * of the same precedence (`findOverlap`), naming an event both accept; the
 * later one is in error. Returns true when it did. Pairs of different
 * precedence are left alone: the engine gives an event both accept to the
 * higher one, so only a tie at the top can be ambiguous, and every such tie
 * is a pair checked here.
 */
export function checkMatchOverlap(later: CompiledRouting, earlier: readonly CompiledRouting[]): boolean {
  const precedence = later.match.precedence ?? 0
  let other: CompiledRouting | undefined
  let overlap: MatchOverlap | undefined
  for (const candidate of earlier) {
    if ((candidate.match.precedence ?? 0) !== precedence) continue
    overlap = findOverlap(candidate.match, later.match)
    if (overlap) {
      other = candidate
      break
    }
  }
  if (!other || !overlap) return false
  const where = later.matchPosition ?? later.idPosition ?? { line: 1, column: 1 }
  const names = { id: later.id, paths: pathList(later.match), otherId: other.id, otherPaths: pathList(other.match), otherSource: other.source, precedence }
  const cause = other.ctx.causeAt(`\`${other.id}\` predicate in ${other.source}`, other.matchPosition)
  if (overlap.kind === 'example') {
    const json = exampleJson(overlap.example)
    matchOverlap.report(later.ctx, 'overlap', { ...names, example: json }, where, { cause, actual: json })
  } else {
    const paths = overlap.paths.map((path) => `\`${path}\``).join(', ')
    const why =
      overlap.reason === 'jsonpath'
        ? `the JSONPath conditions (${paths}) are decided at run time only`
        : `more than ${MAX_EITHER_PATHS} dotted paths (${paths}) could each be nested or one flat key`
    matchOverlap.report(later.ctx, 'undecided', { ...names, why }, where, { cause })
  }
  return true
}

/** The paths a predicate reads, as written, each once, for a message. */
export function pathList(match: MatchIR): string {
  return [...new Set(match.all.map((condition) => condition.path.text))].map((text) => `\`${text}\``).join(', ')
}

/** The example as one line of JSON, cut at MAX_EXAMPLE_LENGTH (a nesting too deep for JSON.stringify is described instead). */
function exampleJson(example: Record<string, unknown>): string {
  let text: string
  try {
    text = JSON.stringify(example)
  } catch {
    return '(an event nested too deeply to print)'
  }
  return text.length > MAX_EXAMPLE_LENGTH ? `${text.slice(0, MAX_EXAMPLE_LENGTH - 3)}...` : text
}
