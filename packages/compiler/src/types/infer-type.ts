import type { DateArgument, FieldType } from '@mapdown/ir'
import { coerce } from '@mapdown/engine'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * The type a sample event's value suggests, for rows whose Type cell is
 * missing. Objects, arrays and nulls suggest nothing.
 */
export function inferType(value: unknown): { type: FieldType; dateArgument?: DateArgument } | undefined {
  if (typeof value === 'boolean') return { type: 'boolean' }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined
    // The engine's `integer` holds any safe integer; larger ones need `long`.
    if (Number.isInteger(value)) return { type: Number.isSafeInteger(value) ? 'integer' : 'long' }
    return { type: 'float' }
  }
  if (typeof value === 'string') {
    // The engine's own reading of an address, so that an inferred `ip` is one that maps.
    if (coerce(value, 'ip').kind === 'value') return { type: 'ip' }
    if (ISO_DATE.test(value)) return { type: 'date', dateArgument: 'iso8601' }
    return { type: 'string' }
  }
  return undefined
}
