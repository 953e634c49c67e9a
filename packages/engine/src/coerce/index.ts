import type { DateArgument, FieldType } from '@mapdown/ir'
import { isAbsentValue } from './absent.js'
import { coerceBoolean } from './boolean.js'
import { dateCoercer } from './date/index.js'
import { coerceFloat } from './float.js'
import { coerceInteger } from './integer.js'
import { coerceIp } from './ip.js'
import { coerceLong } from './long.js'
import { ABSENT, type CoercionResult } from './result.js'
import { coerceString } from './string.js'

export type { CoercionIssueCode, CoercionResult } from './result.js'

/** A coercion prepared for one field: the type (and date argument) are decided once. */
export type Coercer = (value: unknown) => CoercionResult

/**
 * The coercion for a type, without the absent check (callers that already
 * know the value is present, such as the compiled mapper, call it directly).
 */
export function presentValueCoercer(type: FieldType, dateArgument?: DateArgument): Coercer {
  switch (type) {
    case 'string':
      return coerceString
    case 'integer':
      return coerceInteger
    case 'long':
      return coerceLong
    case 'float':
      return coerceFloat
    case 'boolean':
      return coerceBoolean
    case 'ip':
      return coerceIp
    case 'date':
      return dateCoercer(dateArgument)
    default:
      throw new TypeError(`Unexpected field type ${JSON.stringify(type)}`)
  }
}

/**
 * One coercion, exactly as the engine applies it to a field. The compiler
 * uses it to check sample values, so both always agree.
 */
export function coerce(value: unknown, type: FieldType, dateArgument?: DateArgument): CoercionResult {
  if (isAbsentValue(value)) return ABSENT
  return presentValueCoercer(type, dateArgument)(value)
}
