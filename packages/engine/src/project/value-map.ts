import type { TargetValueIR, ValueMapIR } from '@mapdown/ir'
import { looseKey } from '../lookup/loose.js'
import { constantReader, prepareConstant } from './json.js'

/** A compiled value map: source value in, target value (or nothing) out. */
export type ValueMapper = (value: unknown) => unknown

/** One target value, ready: the source value itself (`=`), or the constant (a fresh copy of an array or object). */
type Target = (value: unknown) => unknown

/**
 * How many texts a loose map remembers the key of. A field's values repeat
 * (`SUCCESS`, `IP Connect`), so after the first few events the
 * normalisation (a regular expression and a lower-casing) is a Map lookup;
 * the bound keeps a field of unique values from growing it without end.
 */
export const LOOSE_MEMO_LIMIT = 1024

/**
 * Compiles a value map. The source value is compared as text (`String(value)`:
 * `true`, `4`, `SUCCESS`), exactly or, with `compare: 'loose'`, by `looseKey`.
 * A value no entry lists takes the default; without one it gives nothing.
 * Objects and arrays are never matched (only the default applies).
 * Shared by both engine modes (the generated projection calls it).
 */
export function valueMapper(map: ValueMapIR): ValueMapper {
  const loose = map.compare === 'loose'
  const table = new Map<string, Target>()
  for (const entry of map.entries) {
    const key = loose ? looseKey(entry.from) : entry.from
    if (!table.has(key)) table.set(key, target(entry.to))
  }
  const fallback = map.default === undefined ? undefined : target(map.default)
  const find = loose ? looseFinder(table) : (text: string) => table.get(text)
  return (value) => {
    if (value === undefined || value === null) return undefined
    let found: Target | undefined
    if (typeof value === 'string') found = find(value)
    else if (typeof value === 'number' || typeof value === 'boolean') found = find(String(value))
    found ??= fallback
    return found === undefined ? undefined : found(value)
  }
}

function target(to: TargetValueIR): Target {
  if ('keep' in to) return (value) => value
  return constantReader(prepareConstant(to.value))
}

/** A loose lookup that remembers, for the texts it has met, which entry (or none) their key finds. */
function looseFinder(table: ReadonlyMap<string, Target>): (text: string) => Target | undefined {
  const NONE = (): undefined => undefined
  const memo = new Map<string, Target>()
  return (text) => {
    let found = memo.get(text)
    if (found === undefined) {
      found = table.get(looseKey(text)) ?? NONE
      if (memo.size < LOOSE_MEMO_LIMIT) memo.set(text, found)
    }
    return found === NONE ? undefined : found
  }
}
