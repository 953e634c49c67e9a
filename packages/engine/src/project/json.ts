import type { JsonValue } from '@mapdown/ir'

/**
 * A constant of the IR that goes into records (a schema constant, a value
 * map's target value), prepared once when the engine is created.
 *
 * - `shared`: a scalar (or anything JSON does not copy), written as it is;
 * - `json`: an array or object, read once through JSON (what used to be done
 *   for every record: `toJSON`, dropped `undefined`s and functions, `-0` → 0),
 *   so that each record gets a cheap structural copy of plain JSON data and no
 *   record shares an array or object with another one (or with the IR): a
 *   caller may change a record it was handed without changing the next one;
 * - `opaque`: an array or object JSON cannot read (a cycle, a BigInt, in a
 *   hand-made IR only): copied through JSON for every record as before, so the
 *   record is rejected exactly as before.
 */
export type PreparedConstant =
  | { readonly kind: 'shared'; readonly value: unknown }
  | { readonly kind: 'json'; readonly value: JsonValue }
  | { readonly kind: 'opaque'; readonly value: unknown }

export function prepareConstant(value: unknown): PreparedConstant {
  if (value === null || typeof value !== 'object') return { kind: 'shared', value }
  try {
    return { kind: 'json', value: JSON.parse(JSON.stringify(value)) as JsonValue }
  } catch {
    return { kind: 'opaque', value }
  }
}

/** A function that gives a prepared constant's value for one record: the scalar, or a fresh copy. */
export function constantReader(prepared: PreparedConstant): () => unknown {
  const value = prepared.value
  switch (prepared.kind) {
    case 'shared':
      return () => value
    case 'json':
      return () => cloneJson(value as JsonValue)
    case 'opaque':
      return () => JSON.parse(JSON.stringify(value)) as unknown
  }
}

/**
 * A structural copy of plain JSON data (what JSON.parse gives): own keys in
 * their order, a `__proto__` key kept as an own key (as JSON.parse makes it),
 * never a prototype.
 */
export function cloneJson(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map(cloneJson)
  const object = value as { readonly [key: string]: JsonValue }
  const out: Record<string, JsonValue> = {}
  for (const key of Object.keys(object)) {
    const item = cloneJson(object[key]!)
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, writable: true, enumerable: true, configurable: true })
    else out[key] = item
  }
  return out
}
