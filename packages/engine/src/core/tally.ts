/**
 * Plain-record tallies for stats snapshots. Records are defined, not assigned,
 * so that no key (not even `__proto__`) runs a setter.
 */

export type Tally = Readonly<Record<string, number>>

/** A record with the keys in code-unit order. */
export function sortedByKey<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return toRecord([...entries].sort(([a], [b]) => compareKeys(a, b)))
}

/** A record with the most frequent key first, equal counts in key order. */
export function sortedByCount(entries: Iterable<readonly [string, number]>): Record<string, number> {
  return toRecord([...entries].sort(byCount))
}

/** Keeps the `limit` most frequent keys; the counts of the others are summed into `dropped`. */
export function mostFrequent(entries: Iterable<readonly [string, number]>, limit: number): { readonly kept: Record<string, number>; readonly dropped: number } {
  const sorted = [...entries].sort(byCount)
  let dropped = 0
  for (const [, count] of sorted.slice(limit)) dropped += count
  return { kept: toRecord(sorted.slice(0, limit)), dropped }
}

/** The entries of all tallies (records or maps), counts of the same key added. */
export function addTallies(...tallies: readonly (Tally | ReadonlyMap<string, number>)[]): Map<string, number> {
  const sum = new Map<string, number>()
  for (const tally of tallies) {
    for (const [key, count] of tally instanceof Map ? tally : Object.entries(tally)) sum.set(key, (sum.get(key) ?? 0) + count)
  }
  return sum
}

function byCount(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1] || compareKeys(a[0], b[0])
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function toRecord<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  const record: Record<string, T> = {}
  for (const [key, value] of entries) Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true })
  return record
}
