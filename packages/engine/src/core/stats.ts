import type { DictionaryIR } from '@mapdown/ir'
import type { RejectReason } from './codes.js'
import { routingKeyReader } from './routing-key.js'
import { mostFrequent, sortedByCount, sortedByKey } from './tally.js'
import type { EngineStats, FieldIssue } from './types.js'

/** The most distinct routing-key values `unmatched` holds; events with other values count in `unmatchedOther`. */
export const UNMATCHED_LIMIT = 50

/** A field's value in a record when it had none: left out, or `null` with emitNull. */
const isAbsent = (value: unknown): boolean => value === undefined || value === null

/**
 * The engine's counters. Every event passes `recordMapped` or
 * `recordRejected` exactly once, which is what keeps read = mapped + rejected.
 */
export class StatsCounter {
  #read = 0
  #mapped = 0
  #rejectedByReason = new Map<RejectReason, number>()
  #mappedByDictionary: number[]
  #fieldIssues = 0
  #fieldIssuesByField = new Map<string, number>()
  #unmatched = new Map<string, number>()
  #unmatchedOther = 0
  /** Per dictionary, per field (by index): mapped events without a value. */
  #absent: number[][]
  readonly #dictionaries: readonly DictionaryIR[]
  readonly #routingKey: (event: Record<string, unknown>) => string
  /** Per dictionary: the field names that an empty object inherits (`toString` ...), read as own properties only. */
  readonly #inherited: readonly (readonly boolean[])[]

  constructor(dictionaries: readonly DictionaryIR[]) {
    this.#dictionaries = dictionaries
    this.#routingKey = routingKeyReader(dictionaries)
    this.#inherited = dictionaries.map((d) => d.fields.map((field) => field.name in Object.prototype))
    this.#mappedByDictionary = dictionaries.map(() => 0)
    this.#absent = dictionaries.map((d) => d.fields.map(() => 0))
  }

  /** A mapped event: its record tells which fields had no value; fields with an issue are counted as issues, not as absent. */
  recordMapped(dictionary: number, record: Readonly<Record<string, unknown>>, issues: readonly FieldIssue[]): void {
    this.#read += 1
    this.#mapped += 1
    this.#mappedByDictionary[dictionary]! += 1
    const fields = this.#dictionaries[dictionary]!.fields
    const inherited = this.#inherited[dictionary]!
    const absent = this.#absent[dictionary]!
    for (let index = 0; index < fields.length; index++) {
      const name = fields[index]!.name
      if (inherited[index] ? !Object.hasOwn(record, name) || isAbsent(record[name]) : isAbsent(record[name])) absent[index]! += 1
    }
    for (const issue of issues) {
      const index = fields.findIndex((field) => field.name === issue.field)
      if (index >= 0) absent[index]! -= 1
    }
  }

  recordRejected(reason: RejectReason): void {
    this.#read += 1
    this.#rejectedByReason.set(reason, (this.#rejectedByReason.get(reason) ?? 0) + 1)
  }

  /** An event no dictionary matched: rejected, and tallied by its routing-key values. */
  recordUnmatched(event: Record<string, unknown>): void {
    this.recordRejected('no_matching_dictionary')
    const key = this.#routingKey(event)
    const count = this.#unmatched.get(key)
    if (count !== undefined) this.#unmatched.set(key, count + 1)
    else if (this.#unmatched.size < UNMATCHED_LIMIT) this.#unmatched.set(key, 1)
    else this.#unmatchedOther += 1
  }

  recordIssues(issues: readonly FieldIssue[]): void {
    this.#fieldIssues += issues.length
    for (const issue of issues) this.#fieldIssuesByField.set(issue.field, (this.#fieldIssuesByField.get(issue.field) ?? 0) + 1)
  }

  snapshot(): EngineStats {
    const mappedByDictionary: [string, number][] = []
    const absentFieldsByDictionary: [string, Record<string, number>][] = []
    this.#dictionaries.forEach((dictionary, index) => {
      const count = this.#mappedByDictionary[index]!
      if (count > 0) mappedByDictionary.push([dictionary.id, count])
      const absent = dictionary.fields.map((field, f) => [field.name, this.#absent[index]![f]!] as const).filter(([, n]) => n > 0)
      if (absent.length > 0) absentFieldsByDictionary.push([dictionary.id, sortedByCount(absent)])
    })
    // Within the limit already; sorted here.
    const unmatched = mostFrequent(this.#unmatched, UNMATCHED_LIMIT)
    return {
      read: this.#read,
      mapped: this.#mapped,
      rejected: this.#read - this.#mapped,
      rejectedByReason: sortedByKey(this.#rejectedByReason),
      mappedByDictionary: sortedByKey(mappedByDictionary),
      fieldIssues: this.#fieldIssues,
      fieldIssuesByField: sortedByKey(this.#fieldIssuesByField),
      unmatched: unmatched.kept,
      unmatchedOther: this.#unmatchedOther + unmatched.dropped,
      absentFieldsByDictionary: sortedByKey(absentFieldsByDictionary),
    }
  }

  /** Back to zero, for callers that take one snapshot per batch and add them up. */
  reset(): void {
    this.#read = 0
    this.#mapped = 0
    this.#rejectedByReason = new Map()
    this.#mappedByDictionary = this.#dictionaries.map(() => 0)
    this.#fieldIssues = 0
    this.#fieldIssuesByField = new Map()
    this.#unmatched = new Map()
    this.#unmatchedOther = 0
    this.#absent = this.#dictionaries.map((d) => d.fields.map(() => 0))
  }
}
