import type { DateArgument } from '@mapdown/ir'
import { coerceEpochMilliseconds, coerceEpochSeconds } from './epoch.js'
import { coerceIso8601 } from './iso8601.js'
import { coercePatternDate } from './pattern.js'
import type { CoercionResult } from '../result.js'

/**
 * `date`: read the source value as its `DateArgument` says (epoch
 * milliseconds when none is given) and emit ISO 8601 UTC with milliseconds.
 * Instants outside `SANE_DATE_RANGE` are `out_of_range` issues.
 */
export function dateCoercer(argument: DateArgument = 'epoch_ms'): (value: unknown) => CoercionResult {
  if (typeof argument === 'object') {
    const { pattern } = argument
    return (value) => coercePatternDate(value, pattern)
  }
  switch (argument) {
    case 'epoch_ms':
      return coerceEpochMilliseconds
    case 'epoch_s':
      return coerceEpochSeconds
    case 'iso8601':
      return coerceIso8601
  }
}
