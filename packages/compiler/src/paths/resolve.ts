import type { PathIR } from '@mapdown/ir'
import { lookupPath } from '@mapdown/engine'

/** The result of looking a path up in the sample event. */
export type Lookup = { found: true; value: unknown } | { found: false }

/**
 * Looks a compiled path up in the sample with the engine's own reference
 * lookup, so that what the compiler says about a sample (found, absent, its
 * value) is what `mapdown map` will find in such an event. A query that finds
 * several values yields the first here; the engine reports `multiple_values`.
 */
export function lookup(event: unknown, path: PathIR): Lookup {
  let values: unknown[]
  try {
    values = lookupPath(event, path)
  } catch {
    // A query the engine refuses to run finds nothing in the sample.
    return { found: false }
  }
  return values.length > 0 ? { found: true, value: values[0] } : { found: false }
}

/** A dotted name walked as nested keys. */
export function walk(event: unknown, segments: readonly string[]): Lookup {
  return lookup(event, { kind: 'nested', segments, text: segments.join('.') })
}

/** A dotted name read as one flat key (Cloud Funnel 2.0). */
export function flatKey(event: unknown, key: string): Lookup {
  return lookup(event, { kind: 'flat', key, text: key })
}
