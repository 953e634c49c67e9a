import type { DictionaryIR } from '@mapdown/ir'
import type { FieldIssueCode, RejectReason } from './codes.js'
import type { NdjsonLine } from '../ndjson/line.js'

/** What a field that fails its coercion does: `keep` the record without it, or `reject` the whole event (`field_error`). */
export type OnFieldError = 'keep' | 'reject'

/** How the engine was asked to behave; every option has a documented default. */
export interface EngineOptions {
  /** `keep` (default): a field that fails coercion is left out and listed as an issue. `reject`: the whole event is rejected (`field_error`). */
  readonly onFieldError?: OnFieldError
  /** Write missing source values as `null` instead of leaving the key out. Default false. */
  readonly emitNull?: boolean
  /** The deepest nesting of objects and arrays an event may have (`{}` is 1). Default 64. */
  readonly maxDepth?: number
  /** The longest line `mapLine` accepts, in UTF-8 bytes. Default 1 MiB. */
  readonly maxLineBytes?: number
  /** `compiled` (default): generated fast paths. `interpreted`: the reference semantics. */
  readonly mode?: 'compiled' | 'interpreted'
  /**
   * A schema of the IR (`ir.schemas`, docs/schemas.md) to write records in: `ecs`,
   * `ocsf`. Default: the dictionaries' standard names. An unknown name throws a
   * TypeError that lists the IR's schemas.
   */
  readonly schema?: string
}

export type { FieldIssueCode, FramingRejectReason, RejectReason } from './codes.js'

/** A field whose source value could not be coerced to its type. */
export interface FieldIssue {
  /** The standard name. */
  readonly field: string
  /** The Field Name as the dictionary wrote it. */
  readonly path: string
  /** A coercion code (`invalid_ip`, `out_of_range` ...), `multiple_values` or `unexpected_shape`. */
  readonly code: FieldIssueCode
  readonly message: string
  /** The offending source value, as found in the event. */
  readonly value: unknown
}

/** mapdown's own metadata, under `RESERVED_KEY` (`"@mapdown"`), always the last key of a record. */
export interface RecordMetadata {
  readonly dictionary: string
  readonly rule: string
  readonly logType: string
  /** Present only when some field had an issue. */
  readonly issues?: readonly FieldIssue[]
}

/** A coerced field value (`null` only with `emitNull`). */
export type MappedValue = string | number | boolean | null

/** A value of a record written in a schema: nested objects and arrays of coerced values and constants. */
export type SchemaValue = MappedValue | readonly SchemaValue[] | { readonly [key: string]: SchemaValue | RecordMetadata }

/**
 * Standard name -> coerced value, in dictionary field order, then `"@mapdown"`.
 * With the `schema` option: the schema's nested record, the metadata at the schema's `metadata` path.
 */
export type MappedRecord = { readonly [standardName: string]: MappedValue | RecordMetadata | SchemaValue }

export type MapResult =
  | { readonly ok: true; readonly dictionary: string; readonly record: MappedRecord; readonly issues: readonly FieldIssue[] }
  | {
      readonly ok: false
      readonly reason: RejectReason
      readonly message: string
      readonly dictionary?: string
      readonly issues?: readonly FieldIssue[]
    }

/**
 * A snapshot of an engine's counters: `read === mapped + rejected`, always.
 * The same shape, with the same names, is `mapdown map --stats` and the
 * worker's stats; `mergeStats` adds two snapshots.
 */
export interface EngineStats {
  readonly read: number
  readonly mapped: number
  readonly rejected: number
  /** Rejected events per reason; sums to `rejected`. */
  readonly rejectedByReason: Readonly<Partial<Record<RejectReason, number>>>
  /** Mapped events per dictionary id; sums to `mapped`. */
  readonly mappedByDictionary: Readonly<Record<string, number>>
  /** Field issues, in mapped events and in `field_error` rejects. */
  readonly fieldIssues: number
  /** Field issues per standard name; sums to `fieldIssues`. */
  readonly fieldIssuesByField: Readonly<Record<string, number>>
  /**
   * What the events no dictionary matched (`no_matching_dictionary`) carry in the
   * routing keys (the paths of the dictionaries' match conditions), most frequent
   * first: `{ "event.category=module event.type=Module Load": 3 }`. At most
   * `UNMATCHED_LIMIT` (50) entries; the events beyond are counted in
   * `unmatchedOther`, so the two sum to `rejectedByReason.no_matching_dictionary`.
   */
  readonly unmatched: Readonly<Record<string, number>>
  readonly unmatchedOther: number
  /** Per dictionary id, per standard name: in how many mapped events the field had no value (most frequent first). */
  readonly absentFieldsByDictionary: Readonly<Record<string, Readonly<Record<string, number>>>>
}

export interface Engine {
  /** Map one parsed event. Never throws. */
  map(event: unknown): MapResult
  /** Parse one NDJSON line (limits applied) and map it. Never throws. */
  mapLine(line: string): MapResult
  /**
   * One line from `NdjsonSplitter`: its text is mapped as by `mapLine`; a line the
   * framing refused is rejected with the framing's code (`invalid_utf8`,
   * `line_too_long`) and counted, so that the stats cover every line. Never throws.
   */
  mapFramedLine(line: NdjsonLine): MapResult
  /** A snapshot of the counters; with `reset`, the counters then start again from zero (for callers that add snapshots with `mergeStats`). */
  stats(options?: { readonly reset?: boolean }): EngineStats
  readonly dictionaries: readonly DictionaryIR[]
}
