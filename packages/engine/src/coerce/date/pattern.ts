import { luxonDateTime } from './luxon.js'
import { datePatternProblem } from './pattern-safety.js'
import { dateResult, invalidDate } from './range.js'
import type { CoercionResult } from '../result.js'

/**
 * An explicit Luxon format (`M/d/yy H:mm`, `yyyyMMddHHmmss` ...), read in
 * UTC. Numbers are formatted as their decimal text first, so that
 * `yyyyMMdd` can read `20191024`.
 */
export function coercePatternDate(value: unknown, pattern: string): CoercionResult {
  // createEngine refuses such an IR; this guards direct callers of `coerce`.
  const problem = datePatternProblem(pattern)
  if (problem !== undefined) return invalidDate(value, `a date in the format ${pattern}`, `the pattern is refused: ${problem}`)
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
  if (text === undefined || text.length > 256) return invalidDate(value, `a date in the format ${pattern}`)
  const parsed = luxonDateTime().fromFormat(text, pattern, { zone: 'utc' })
  if (!parsed.isValid) {
    return invalidDate(value, `a date in the format ${pattern}`, parsed.invalidExplanation ?? parsed.invalidReason ?? undefined)
  }
  return dateResult(parsed.toMillis(), value)
}
