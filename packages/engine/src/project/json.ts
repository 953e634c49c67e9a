import type { JsonValue } from '@mapdown/ir'

/** A fresh copy of a JSON value from the IR, so that no record shares an array or object with another (or with the IR). */
export function copyJson(value: JsonValue): unknown {
  if (value === null || typeof value !== 'object') return value
  return JSON.parse(JSON.stringify(value)) as unknown
}
