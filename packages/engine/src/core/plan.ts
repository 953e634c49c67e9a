import type { FieldIssue } from './types.js'

/** Builds a record's fields (without metadata) in dictionary order, appending issues. */
export type FieldMapper = (event: Record<string, unknown>, issues: FieldIssue[]) => Record<string, unknown>

/** Which dictionary an event belongs to: its index, -1 for none, or the indexes that all matched. */
export type Route = number | readonly number[]

export interface MappingPlan {
  readonly route: (event: Record<string, unknown>) => Route
  readonly mappers: readonly FieldMapper[]
  /** How many dictionaries got a generated mapper (the fast path); the rest use the interpreter. */
  readonly generated: number
}

export const NO_ROUTE = -1

/**
 * The route among the dictionaries whose predicates held (`matched`, in
 * dictionary order): the one with the highest precedence (absent = 0). Only
 * when several share the highest precedence are they all returned (an
 * `ambiguous_match`, which the compiler rules out for the libraries it
 * compiles). Both modes decide through this one function.
 */
export function decideRoute(matched: readonly number[], precedence: readonly number[]): Route {
  if (matched.length === 0) return NO_ROUTE
  if (matched.length === 1) return matched[0]!
  let best = -Infinity
  for (const index of matched) best = Math.max(best, precedence[index]!)
  const top = matched.filter((index) => precedence[index] === best)
  return top.length === 1 ? top[0]! : top
}

/** Each dictionary's precedence, by index. */
export function precedenceOf(dictionaries: readonly { readonly match: { readonly precedence?: number } }[]): number[] {
  return dictionaries.map((dictionary) => dictionary.match.precedence ?? 0)
}
