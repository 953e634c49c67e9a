/**
 * Defence in depth for JSONPath filters (`?(...)`). The compiler admits only a
 * small expression grammar, but an IR can be written by hand, so the engine
 * checks every filter again before jsonpath-plus sees it, with the very same
 * grammar (`filter-expression.ts`, which the compiler imports from here): one
 * policy, so that an IR the compiler writes is never refused by the engine
 * and the engine never admits what the compiler would refuse.
 */
import { canonicalFilter, FilterSyntaxError } from './filter-expression.js'

export class FilterPolicyError extends Error {
  override readonly name = 'FilterPolicyError'
}

/** Throws a FilterPolicyError unless `source` (the text inside `?(...)`) is in the admitted grammar. */
export function checkFilter(source: string): void {
  try {
    canonicalFilter(source)
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new FilterPolicyError(error.message)
    throw error
  }
}

/**
 * Finds every script part of a JSONPath expression and checks it. Filters
 * `?(...)` are checked with `checkFilter`; bare script expressions `(...)`
 * are refused outright. Returns whether the expression has filters (so that
 * the caller knows whether jsonpath-plus needs its safe evaluator at all).
 */
export function checkJsonPathScripts(expression: string): { hasFilters: boolean } {
  let hasFilters = false
  let i = 0
  let quote: string | undefined
  while (i < expression.length) {
    const char = expression[i]!
    if (quote !== undefined) {
      if (char === '\\') i++
      else if (char === quote) quote = undefined
      i++
      continue
    }
    if (char === "'" || char === '"') {
      quote = char
      i++
      continue
    }
    if (char === '(') {
      if (expression[i - 1] !== '?') throw new FilterPolicyError('Unexpected script expression `(...)` in a JSONPath, expected only filters `?(...)`')
      const end = closingParenthesis(expression, i)
      checkFilter(expression.slice(i + 1, end))
      hasFilters = true
      i = end + 1
      continue
    }
    i++
  }
  return { hasFilters }
}

function closingParenthesis(text: string, open: number): number {
  let depth = 0
  let quote: string | undefined
  for (let i = open; i < text.length; i++) {
    const char = text[i]!
    if (quote !== undefined) {
      if (char === '\\') i++
      else if (char === quote) quote = undefined
    } else if (char === "'" || char === '"') quote = char
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return i
  }
  throw new FilterPolicyError('Unexpected end of a JSONPath filter, expected `)`')
}
