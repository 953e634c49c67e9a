import { UNMATCHED_LIMIT } from './stats.js'
import { addTallies, mostFrequent, sortedByCount, sortedByKey, type Tally } from './tally.js'
import type { EngineStats } from './types.js'

/** The stats of no event at all. */
export function emptyStats(): EngineStats {
  return {
    read: 0,
    mapped: 0,
    rejected: 0,
    rejectedByReason: {},
    mappedByDictionary: {},
    fieldIssues: 0,
    fieldIssuesByField: {},
    unmatched: {},
    unmatchedOther: 0,
    absentFieldsByDictionary: {},
  }
}

/**
 * Two snapshots added up, as if one engine had seen both sets of events (the
 * CLI's threads and batches): counts and tallies are summed, `unmatched` keeps
 * its `UNMATCHED_LIMIT` most frequent values and counts the rest in
 * `unmatchedOther`. Exact as long as there are at most that many distinct values.
 */
export function mergeStats(a: EngineStats, b: EngineStats): EngineStats {
  const unmatched = mostFrequent(addTallies(a.unmatched, b.unmatched), UNMATCHED_LIMIT)
  const absent = new Map<string, Map<string, number>>()
  for (const stats of [a, b]) {
    for (const [dictionary, fields] of Object.entries(stats.absentFieldsByDictionary)) absent.set(dictionary, addTallies(absent.get(dictionary) ?? new Map(), fields))
  }
  return {
    read: a.read + b.read,
    mapped: a.mapped + b.mapped,
    rejected: a.rejected + b.rejected,
    rejectedByReason: sortedByKey(addTallies(a.rejectedByReason as Tally, b.rejectedByReason as Tally)),
    mappedByDictionary: sortedByKey(addTallies(a.mappedByDictionary, b.mappedByDictionary)),
    fieldIssues: a.fieldIssues + b.fieldIssues,
    fieldIssuesByField: sortedByKey(addTallies(a.fieldIssuesByField, b.fieldIssuesByField)),
    unmatched: unmatched.kept,
    unmatchedOther: a.unmatchedOther + b.unmatchedOther + unmatched.dropped,
    absentFieldsByDictionary: sortedByKey([...absent.entries()].map(([dictionary, fields]) => [dictionary, sortedByCount(fields)] as const)),
  }
}
