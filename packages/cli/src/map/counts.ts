/**
 * The accounting of a `mapdown map` run. Every non-blank line read is counted
 * once, either as mapped or as rejected: `read === mapped + rejected`.
 * Counts are kept per batch (in a worker thread or in-process) and merged in
 * the main thread in input order.
 */

export interface MapCounts {
  read: number
  mapped: number
  rejected: number
  /** Rejected lines per reason code. */
  rejectedByReason: Record<string, number>
  /** Mapped events per dictionary id. */
  mappedByDictionary: Record<string, number>
  /** Field issues found, in mapped and in rejected events. */
  fieldIssues: number
  /** Field issues per standard name. */
  fieldIssuesByField: Record<string, number>
}

export function emptyCounts(): MapCounts {
  return { read: 0, mapped: 0, rejected: 0, rejectedByReason: {}, mappedByDictionary: {}, fieldIssues: 0, fieldIssuesByField: {} }
}

/** Adds `from` into `into`. */
export function addCounts(into: MapCounts, from: MapCounts): void {
  into.read += from.read
  into.mapped += from.mapped
  into.rejected += from.rejected
  into.fieldIssues += from.fieldIssues
  addTally(into.mappedByDictionary, from.mappedByDictionary)
  addTally(into.rejectedByReason, from.rejectedByReason)
  addTally(into.fieldIssuesByField, from.fieldIssuesByField)
}

export function increment(tally: Record<string, number>, key: string, by = 1): void {
  tally[key] = (tally[key] ?? 0) + by
}

function addTally(into: Record<string, number>, from: Record<string, number>): void {
  for (const key in from) increment(into, key, from[key])
}

/** A copy with the tallies' keys sorted, so that printed stats do not depend on arrival order. */
export function sortedCounts(counts: MapCounts): MapCounts {
  return {
    ...counts,
    mappedByDictionary: sortKeys(counts.mappedByDictionary),
    rejectedByReason: sortKeys(counts.rejectedByReason),
    fieldIssuesByField: sortKeys(counts.fieldIssuesByField),
  }
}

function sortKeys(tally: Record<string, number>): Record<string, number> {
  const sorted: Record<string, number> = {}
  for (const key of Object.keys(tally).sort()) sorted[key] = tally[key] ?? 0
  return sorted
}
