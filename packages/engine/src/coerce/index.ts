import type { DateArgument, FieldType } from '@mapdown/ir'
import { isAbsentValue } from './absent.js'
import { coerceBoolean } from './boolean.js'
import { dateCoercer } from './date/index.js'
import { coerceFloat } from './float.js'
import { coerceInteger } from './integer.js'
import { coerceIp } from './ip.js'
import { coerceLong } from './long.js'
import { coercePort } from './port.js'
import { ABSENT, type CoercionResult } from './result.js'
import { coerceString } from './string.js'

export type { CoercionIssueCode, CoercionResult } from './result.js'

/** A coercion prepared for one field: the type (and date argument) are decided once. */
export type Coercer = (value: unknown) => CoercionResult

/**
 * Each registry type (`FIELD_TYPE_REGISTRY` in `@mapdown/ir`) -> its coercion,
 * given the field's date argument (only `date` reads it). TypeScript refuses a
 * registry type without an entry here.
 */
const COERCERS: { readonly [T in FieldType]: (dateArgument: DateArgument | undefined) => Coercer } = {
  string: () => coerceString,
  integer: () => coerceInteger,
  long: () => coerceLong,
  float: () => coerceFloat,
  boolean: () => coerceBoolean,
  ip: () => coerceIp,
  date: (dateArgument) => dateCoercer(dateArgument),
  port: () => coercePort,
}

/**
 * The coercion for a type, without the absent check (callers that already
 * know the value is present, such as the generated mapper, call it directly).
 */
export function presentValueCoercer(type: FieldType, dateArgument?: DateArgument): Coercer {
  if (!Object.hasOwn(COERCERS, type)) throw new TypeError(`Unexpected field type ${JSON.stringify(type)}`)
  return COERCERS[type](dateArgument)
}

/**
 * One coercion, exactly as the engine applies it to a field. The compiler
 * uses it to check sample values, so both always agree.
 */
export function coerce(value: unknown, type: FieldType, dateArgument?: DateArgument): CoercionResult {
  if (isAbsentValue(value)) return ABSENT
  return presentValueCoercer(type, dateArgument)(value)
}
