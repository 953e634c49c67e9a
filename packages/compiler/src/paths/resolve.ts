import type { PathIR } from '@mapdown/ir'
import { JSONPath } from 'jsonpath-plus'

/** The result of looking a path up in the sample event. */
export type Lookup = { found: true; value: unknown } | { found: false }

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key)

/** Walks own properties only (never `constructor` or `__proto__` of a prototype). */
export function walk(event: unknown, segments: readonly (string | number)[]): Lookup {
  let current: unknown = event
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return { found: false }
    const key = String(segment)
    if (!hasOwn(current, key)) return { found: false }
    current = (current as Record<string, unknown>)[key]
  }
  return { found: true, value: current }
}

export function flatKey(event: unknown, key: string): Lookup {
  if (event === null || typeof event !== 'object' || !hasOwn(event, key)) return { found: false }
  return { found: true, value: (event as Record<string, unknown>)[key] }
}

/**
 * Looks a compiled path up in the sample. JSONPath queries run through
 * jsonpath-plus; filters only ever reach it after passing the whitelist
 * grammar (`canonicalFilter` from `@mapdown/engine`), and without filters evaluation is off.
 * A query that finds several values yields the first, as the engine does.
 */
export function lookup(event: unknown, path: PathIR, hasFilter = false): Lookup {
  switch (path.kind) {
    case 'nested':
      return walk(event, path.segments)
    case 'flat':
      return flatKey(event, path.key)
    case 'either': {
      const nested = walk(event, path.segments)
      return nested.found ? nested : flatKey(event, path.key)
    }
    case 'jsonpath': {
      try {
        const results: unknown = JSONPath({
          path: path.expression,
          json: event as object,
          wrap: true,
          eval: hasFilter ? 'safe' : false,
        })
        if (Array.isArray(results) && results.length > 0) return { found: true, value: results[0] }
      } catch {
        // A query jsonpath-plus cannot run finds nothing in the sample.
      }
      return { found: false }
    }
  }
}
