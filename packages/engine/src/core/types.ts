import type { DictionaryIR } from '@mapdown/ir'

/** How the engine was asked to behave; every option has a documented default. */
export interface EngineOptions {
  /** `keep` (default): a field that fails coercion is left out and listed as an issue. `reject`: the whole event is rejected (`field_error`). */
  readonly onFieldError?: 'keep' | 'reject'
  /** Write missing source values as `null` instead of leaving the key out. Default false. */
  readonly emitNull?: boolean
  /** The deepest nesting of objects and arrays an event may have (`{}` is 1). Default 64. */
  readonly maxDepth?: number
  /** The longest line `mapLine` accepts, in UTF-8 bytes. Default 1 MiB. */
  readonly maxLineBytes?: number
  /** `compiled` (default): generated fast paths. `interpreted`: the reference semantics. */
  readonly mode?: 'compiled' | 'interpreted'
}

/** Why an event was not mapped. */
export type RejectReason =
  | 'invalid_json'
  | 'not_an_object'
  | 'line_too_long'
  | 'too_deep'
  | 'no_matching_dictionary'
  | 'ambiguous_match'
  | 'field_error'

/** A field whose source value could not be coerced to its type. */
export interface FieldIssue {
  /** The standard name. */
  readonly field: string
  /** The Field Name as the dictionary wrote it. */
  readonly path: string
  /** A coercion code (`invalid_ip`, `out_of_range` ...) or `multiple_values`. */
  readonly code: string
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

/** Standard name -> coerced value, in dictionary field order, then `"@mapdown"`. */
export type MappedRecord = { readonly [standardName: string]: MappedValue | RecordMetadata }

export type MapResult =
  | { readonly ok: true; readonly dictionary: string; readonly record: MappedRecord; readonly issues: readonly FieldIssue[] }
  | {
      readonly ok: false
      readonly reason: RejectReason
      readonly message: string
      readonly dictionary?: string
      readonly issues?: readonly FieldIssue[]
    }

/** A snapshot of an engine's counters. `read === mapped + rejected`, always. */
export interface EngineStats {
  readonly read: number
  readonly mapped: number
  readonly rejected: number
  readonly rejectedByReason: Readonly<Record<string, number>>
  readonly mappedByDictionary: Readonly<Record<string, number>>
  readonly fieldIssues: number
  readonly fieldIssuesByField: Readonly<Record<string, number>>
}

export interface Engine {
  /** Map one parsed event. Never throws. */
  map(event: unknown): MapResult
  /** Parse one NDJSON line (limits applied) and map it. Never throws. */
  mapLine(line: string): MapResult
  /** A snapshot of the counters. */
  stats(): EngineStats
  readonly dictionaries: readonly DictionaryIR[]
}
