import { JSONPath } from 'jsonpath-plus'
import { checkJsonPathScripts } from '../validate/filter-policy.js'
import { MultipleValues } from './multiple.js'

/** All values a JSONPath expression finds in an event, in document order. */
export type JsonPathReader = (event: unknown) => unknown[]

/**
 * Prepares a jsonpath-plus evaluation. Script evaluation is off (`eval:
 * false`) unless the expression has filters, which were checked against the
 * filter grammar (again, here) and then run by jsonpath-plus's own `safe`
 * evaluator, an AST interpreter that uses neither `vm` nor `Function`.
 * Evaluation errors inside a filter (reading a member of a missing value)
 * make the filter false instead of throwing.
 */
export function jsonPathReader(expression: string): JsonPathReader {
  const { hasFilters } = checkJsonPathScripts(expression)
  const evaluation = hasFilters ? 'safe' : false
  return (event) => {
    const found: unknown = JSONPath({ path: expression, json: event as object, wrap: true, eval: evaluation, ignoreEvalErrors: true })
    return Array.isArray(found) ? found.filter((value) => typeof value !== 'function') : []
  }
}

/** One field value from a JSONPath: nothing, the single match, or `MultipleValues`. */
export function singleValue(found: unknown[]): unknown {
  if (found.length === 0) return undefined
  if (found.length === 1) return found[0]
  return new MultipleValues(found)
}
