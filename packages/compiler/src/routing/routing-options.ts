import type { MatchCompare, MatchIR } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import type { FrontMatter, FrontMatterKey } from '../front-matter.js'
import { matchInvalid } from '../rules/match-invalid.js'

/** The bounds of `precedence:`, wide enough for any ordering and small enough to stay an exact integer everywhere. */
export const MAX_PRECEDENCE = 1_000_000

export interface RoutingOptions {
  compare: MatchCompare
  precedence: number
  /** Where `match-compare` was written, when it was. */
  compareEntry: FrontMatterKey | undefined
}

/** Warns when `match-compare: loose` has no string value of `match` to apply to (a derived `present` predicate, say). */
export function checkLooseUsed(ctx: FileContext, options: RoutingOptions, match: MatchIR): void {
  if (!options.compareEntry || options.compare !== 'loose') return
  if (match.all.some((condition) => condition.op === 'equals' && condition.values.some((value) => typeof value === 'string'))) return
  matchInvalid.report(ctx, 'looseUnused', {}, ctx.lines.position(options.compareEntry.start, options.compareEntry.valueEnd))
}

/**
 * Reads the front matter keys that tune routing, beside `match:`:
 * - `match-compare: exact | loose` (default `exact`): how the string values
 *   of this dictionary's `match:` are compared with the event's;
 * - `precedence: <integer>` (default 0): which dictionary takes an event that
 *   several predicates accept.
 * A bad value is an error at the value; the default is used meanwhile.
 */
export function readRoutingOptions(ctx: FileContext, frontMatter: FrontMatter | undefined): RoutingOptions {
  const compareEntry = frontMatter?.keys.get('match-compare')
  const precedenceEntry = frontMatter?.keys.get('precedence')
  return { compare: readCompare(ctx, compareEntry), precedence: readPrecedence(ctx, precedenceEntry), compareEntry }
}

function readCompare(ctx: FileContext, entry: FrontMatterKey | undefined): MatchCompare {
  if (!entry) return 'exact'
  const value = entry.value
  if (value === 'exact' || value === 'loose') return value
  matchInvalid.report(ctx, 'compare', { found: describe(value) }, valuePlace(ctx, entry))
  return 'exact'
}

function readPrecedence(ctx: FileContext, entry: FrontMatterKey | undefined): number {
  if (!entry) return 0
  const value = entry.value
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_PRECEDENCE) return value
  const bound = MAX_PRECEDENCE.toLocaleString('en-US')
  matchInvalid.report(ctx, 'precedence', { found: describe(value), min: `-${bound}`, max: bound }, valuePlace(ctx, entry))
  return 0
}

function valuePlace(ctx: FileContext, entry: FrontMatterKey) {
  return ctx.lines.position(entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1))
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty value'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'string') return `\`${value}\``
  if (typeof value === 'object') return 'mapping'
  return `\`${String(value)}\``
}
