import type { PathIR } from '@mapdown/ir'
import { isAbsentValue } from '../coerce/absent.js'
import { BlockedPath } from '../lookup/blocked.js'
import { jsonPathReader, type JsonPathReader } from '../lookup/jsonpath.js'

/**
 * The reference semantics of a lookup, walking the path on every call.
 *
 * - Objects are read by OWN keys only: `constructor`, `toString` or
 *   `__proto__` never reach a prototype.
 * - Arrays are read by number segments only (a string segment such as
 *   `length` finds nothing); number segments on objects read the key `"3"`.
 * - Functions are not JSON values: found one, found nothing.
 */
export function lookupSegments(event: unknown, segments: readonly (string | number)[]): unknown {
  let current = event
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined
    if (Array.isArray(current)) {
      if (typeof segment !== 'number') return undefined
      current = segment < current.length ? current[segment] : undefined
    } else {
      const key = String(segment)
      current = Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined
    }
  }
  return typeof current === 'function' ? undefined : current
}

export function lookupFlat(event: unknown, key: string): unknown {
  return lookupSegments(event, [key])
}

const readers = new Map<string, JsonPathReader>()

/** Every value a path finds: zero or one for simple paths, any number for JSONPath. */
export function lookupAll(event: unknown, path: PathIR): unknown[] {
  if (path.kind === 'jsonpath') {
    let reader = readers.get(path.expression)
    if (reader === undefined) {
      reader = jsonPathReader(path.expression)
      readers.set(path.expression, reader)
    }
    return reader(event)
  }
  const value = lookupSimple(event, path)
  return value === undefined ? [] : [value]
}

/** A nested, flat or either path: `nested` first, and for `either` the flat key when nested found nothing. */
export function lookupSimple(event: unknown, path: Exclude<PathIR, { kind: 'jsonpath' }>): unknown {
  switch (path.kind) {
    case 'nested':
      return lookupSegments(event, path.segments)
    case 'flat':
      return lookupFlat(event, path.key)
    case 'either': {
      const nested = lookupSegments(event, path.segments)
      return nested === undefined ? lookupFlat(event, path.key) : nested
    }
  }
}

/**
 * What a field reads: as `lookupSimple`, but a walk that runs into a value it
 * cannot step into (see `BlockedPath`) says so instead of finding nothing.
 * For `either`, the flat key is read when nested found nothing or was blocked;
 * the block is reported only when the flat key finds nothing either.
 */
export function lookupFieldValue(event: unknown, path: Exclude<PathIR, { kind: 'jsonpath' }>): unknown {
  switch (path.kind) {
    case 'nested':
      return walkSegments(event, path.segments)
    case 'flat':
      return lookupFlat(event, path.key)
    case 'either': {
      const nested = walkSegments(event, path.segments)
      if (nested !== undefined && !(nested instanceof BlockedPath)) return nested
      const flat = lookupFlat(event, path.key)
      return flat === undefined ? nested : flat
    }
  }
}

function walkSegments(event: unknown, segments: readonly (string | number)[]): unknown {
  let current = event
  for (const [depth, segment] of segments.entries()) {
    if (current === undefined) return undefined
    if (current === null || typeof current !== 'object') {
      return isAbsentValue(current) || typeof current === 'function' ? undefined : new BlockedPath(depth, current)
    }
    if (Array.isArray(current)) {
      if (typeof segment !== 'number') return new BlockedPath(depth, current)
      current = segment < current.length ? current[segment] : undefined
    } else {
      const key = String(segment)
      current = Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined
    }
  }
  return typeof current === 'function' ? undefined : current
}
