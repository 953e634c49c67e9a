import type { JsonValue, TargetValueIR, ValueMapIR } from '@mapdown/ir'
import { looseKey } from '../lookup/loose.js'
import { copyJson } from './json.js'

/** A compiled value map: source value in, target value (or nothing) out. */
export type ValueMapper = (value: unknown) => unknown

/**
 * Compiles a value map. The source value is compared as text (`String(value)`:
 * `true`, `4`, `SUCCESS`), exactly or, with `compare: 'loose'`, by `looseKey`.
 * A value no entry lists takes the default; without one it gives nothing.
 * Objects and arrays are never matched (only the default applies).
 */
export function valueMapper(map: ValueMapIR): ValueMapper {
  const loose = map.compare === 'loose'
  const table = new Map<string, TargetValueIR>()
  for (const entry of map.entries) {
    const key = loose ? looseKey(entry.from) : entry.from
    if (!table.has(key)) table.set(key, entry.to)
  }
  const fallback = map.default
  return (value) => {
    if (value === undefined || value === null) return undefined
    let target: TargetValueIR | undefined
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const text = String(value)
      target = table.get(loose ? looseKey(text) : text)
    }
    target ??= fallback
    if (target === undefined) return undefined
    return 'keep' in target ? value : copyJson(target.value as JsonValue)
  }
}
