import type { RejectReason, EngineStats, FieldIssue } from './types.js'

/**
 * The engine's counters. Every event passes `recordMapped` or
 * `recordRejected` exactly once, which is what keeps read = mapped + rejected.
 */
export class StatsCounter {
  #read = 0
  #mapped = 0
  readonly #rejectedByReason = new Map<RejectReason, number>()
  readonly #mappedByDictionary: number[]
  readonly #dictionaryIds: readonly string[]
  #fieldIssues = 0
  readonly #fieldIssuesByField = new Map<string, number>()

  constructor(dictionaryIds: readonly string[]) {
    this.#dictionaryIds = dictionaryIds
    this.#mappedByDictionary = dictionaryIds.map(() => 0)
  }

  recordMapped(dictionary: number): void {
    this.#read += 1
    this.#mapped += 1
    this.#mappedByDictionary[dictionary]! += 1
  }

  recordRejected(reason: RejectReason): void {
    this.#read += 1
    this.#rejectedByReason.set(reason, (this.#rejectedByReason.get(reason) ?? 0) + 1)
  }

  recordIssues(issues: readonly FieldIssue[]): void {
    this.#fieldIssues += issues.length
    for (const issue of issues) this.#fieldIssuesByField.set(issue.field, (this.#fieldIssuesByField.get(issue.field) ?? 0) + 1)
  }

  snapshot(): EngineStats {
    const mappedByDictionary = new Map<string, number>()
    this.#dictionaryIds.forEach((id, index) => {
      const count = this.#mappedByDictionary[index]!
      if (count > 0) mappedByDictionary.set(id, count)
    })
    return {
      read: this.#read,
      mapped: this.#mapped,
      rejected: this.#read - this.#mapped,
      rejectedByReason: toRecord(this.#rejectedByReason),
      mappedByDictionary: toRecord(mappedByDictionary),
      fieldIssues: this.#fieldIssues,
      fieldIssuesByField: toRecord(this.#fieldIssuesByField),
    }
  }
}

/** A plain record with sorted keys; defined, not assigned, so that no key (not even `__proto__`) runs a setter. */
function toRecord(map: ReadonlyMap<string, number>): Record<string, number> {
  const record: Record<string, number> = {}
  for (const [key, value] of [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true })
  }
  return record
}
