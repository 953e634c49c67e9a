import type { DictionaryIR } from '@mapdown/ir'
import { coerce } from '../coerce/index.js'
import { BlockedPath } from '../lookup/blocked.js'
import { MultipleValues } from '../lookup/multiple.js'
import { singleValue } from '../lookup/jsonpath.js'
import { blockedPathIssue, coercionIssue, multipleValuesIssue } from '../core/issues.js'
import { decideRoute, precedenceOf, type FieldMapper, type MappingPlan, type Route } from '../core/plan.js'
import type { ResolvedOptions } from '../core/options.js'
import { lookupAll, lookupFieldValue } from './lookup.js'
import { matchHolds } from './match.js'

/**
 * The reference semantics: every predicate of every dictionary is evaluated
 * for every event, and every path is walked segment by segment. Slow and
 * obviously right; the compiled plan must give identical results.
 */
export function interpretedPlan(dictionaries: readonly DictionaryIR[], options: ResolvedOptions): MappingPlan {
  const precedence = precedenceOf(dictionaries)
  const route = (event: Record<string, unknown>): Route => {
    const matched: number[] = []
    dictionaries.forEach((dictionary, index) => {
      if (matchHolds(dictionary.match, event)) matched.push(index)
    })
    return decideRoute(matched, precedence)
  }
  return { route, mappers: dictionaries.map((d) => interpretedMapper(d, options)), generated: 0 }
}

export function interpretedMapper(dictionary: DictionaryIR, options: ResolvedOptions): FieldMapper {
  return (event, issues) => {
    const record: Record<string, unknown> = {}
    for (const field of dictionary.fields) {
      const value = field.path.kind === 'jsonpath' ? singleValue(lookupAll(event, field.path)) : lookupFieldValue(event, field.path)
      if (value instanceof MultipleValues) {
        issues.push(multipleValuesIssue(field, value))
        continue
      }
      if (value instanceof BlockedPath) {
        issues.push(blockedPathIssue(field, value))
        continue
      }
      const result = coerce(value, field.type, field.dateArgument)
      if (result.kind === 'value') defineField(record, field.name, result.value)
      else if (result.kind === 'issue') issues.push(coercionIssue(field, value, result))
      else if (options.emitNull) defineField(record, field.name, null)
    }
    return record
  }
}

/** An own, enumerable data property, whatever the name (no setter such as `__proto__` runs). */
function defineField(record: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(record, name, { value, writable: true, enumerable: true, configurable: true })
}
