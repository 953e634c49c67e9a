/**
 * The mapping IR: what the compiler writes and the engine reads.
 *
 * It is plain JSON so that it can be stored, diffed and shipped between
 * processes (CLI workers, NATS workers). `schema/ir.schema.json` is the
 * normative description; these types mirror it and a test keeps the two in
 * step. Every change to the shape bumps `IR_VERSION`.
 */

import type { FieldType } from './field-types.js'

/** The IR format version this package describes. */
export const IR_VERSION = 3 as const

/**
 * How a `date` field reads its source value:
 * - `epoch_ms` / `epoch_s`: numbers or numeric strings since the Unix epoch;
 * - `iso8601`: an ISO 8601 string;
 * - `{ pattern }`: an explicit Luxon-style format, read as UTC.
 * The compiler writes `epoch_ms` when the dictionary names no argument.
 */
export type DateArgument = 'epoch_ms' | 'epoch_s' | 'iso8601' | { readonly pattern: string }

/** A 1-based line and column in a dictionary's original markdown file. */
export interface SourcePoint {
  readonly line: number
  readonly column: number
}

/** Where something was written: start and (optionally) end, 1-based, end exclusive as in unist. */
export interface SourcePosition {
  readonly start: SourcePoint
  readonly end?: SourcePoint
}

/**
 * How a value is found in a raw event.
 *
 * - `nested`: walk object keys (and array indexes) one segment at a time:
 *   `tcpv4.sourceAddress.address` -> `["tcpv4","sourceAddress","address"]`.
 * - `flat`: read one key that itself contains dots (SentinelOne Cloud Funnel 2.0:
 *   `{"src.process.name": ...}`).
 * - `either`: a dotted name for which no sample decided: try `nested` first, and
 *   when that finds nothing (`undefined`) read the `flat` key.
 * - `jsonpath`: anything else (wildcards, recursive descent, filters); evaluated
 *   by jsonpath-plus with script evaluation disabled. `expression` is normalised.
 *
 * `text` is the Field Name as the dictionary wrote it, kept for messages.
 */
export type PathIR =
  | { readonly kind: 'nested'; readonly segments: readonly (string | number)[]; readonly text: string }
  | { readonly kind: 'flat'; readonly key: string; readonly text: string }
  | {
      readonly kind: 'either'
      readonly segments: readonly (string | number)[]
      readonly key: string
      readonly text: string
    }
  | { readonly kind: 'jsonpath'; readonly expression: string; readonly text: string }

/** A JSON scalar a match condition can compare against. */
export type MatchValue = string | number | boolean | null

/**
 * How an `equals` condition compares strings:
 * - `exact` (the default, written by omitting `compare`): strict equality (`===`);
 * - `loose`: strings are compared after removing all whitespace and lower-casing
 *   (`IP Connect` = `IPConnect` = `ip connect`); numbers, booleans and null
 *   still compare strictly. See `looseKey` in `@mapdown/engine`.
 */
export type MatchCompare = 'exact' | 'loose'

/**
 * One condition of a match predicate.
 * - `present`: the path resolves to a value that is neither `undefined` nor `null`.
 * - `equals`: the path resolves to a value equal to one of `values`: strictly
 *   (`===`), or with `compare: 'loose'` case- and whitespace-blind for strings.
 *   The compiler writes `compare` only when it is `loose`.
 */
export type MatchCondition =
  | { readonly op: 'present'; readonly path: PathIR }
  | { readonly op: 'equals'; readonly path: PathIR; readonly values: readonly MatchValue[]; readonly compare?: MatchCompare }

/** What the compiler based a dictionary's match predicate on. */
export type MatchEvidence =
  | 'front-matter' // an explicit `match:` key
  | 'event-types-table' // the Event Types table, confirmed by the sample or the fields
  | 'sample-event' // the sample's only non-null top-level object
  | 'field-paths' // the common root of the Data Dictionary paths

/**
 * A dictionary's routing predicate: every condition must hold.
 *
 * When an event satisfies several predicates, the dictionary with the highest
 * `precedence` takes it (absent means 0; the compiler writes it only when it
 * is not 0). The compiler refuses two dictionaries of equal precedence whose
 * predicates can both hold, so a compiled library never meets an ambiguous
 * event; the engine still rejects one (`ambiguous_match`) for a hand-made IR.
 */
export interface MatchIR {
  readonly all: readonly MatchCondition[]
  readonly evidence: MatchEvidence
  readonly precedence?: number
}

/** One row of a Data Dictionary table. */
export interface FieldIR {
  /** The Standard Name: the key of this field in mapped records. */
  readonly name: string
  readonly path: PathIR
  readonly type: FieldType
  /** Only for `date` fields. */
  readonly dateArgument?: DateArgument
  readonly description: string
  /** The Sample Value cell as written, or `null` when the cell is empty or missing. */
  readonly sampleValue: string | null
  /** The position of the table row: in the dictionary, or in `source` when the row was included. */
  readonly position: SourcePosition
  /**
   * The file the row was written in, when it came from an included partial
   * (`include:` in front matter), relative like the dictionary's `source`.
   * Absent for the dictionary's own rows.
   */
  readonly source?: string
}

/** One compiled dictionary: one kind of raw event and how to map it. */
export interface DictionaryIR {
  /** Unique across an IR: `<logType>/<rule>`. */
  readonly id: string
  readonly title: string
  readonly description: string | null
  /** Front matter `log.type`, e.g. `sentinelone`. */
  readonly logType: string
  /** The rule name, e.g. `NetworkConnection` (front matter `<log.type>.rule`). */
  readonly rule: string
  /** The vendor format version from front matter (`<log.type>.version`), if any. */
  readonly version: string | null
  readonly author: string | null
  readonly date: string | null
  /** The dictionary file, relative to the compile root, with `/` separators. */
  readonly source: string
  /** The event object key or type value this dictionary recognises (e.g. `tcpv4`), or null when unknown. */
  readonly eventType: string | null
  readonly match: MatchIR
  readonly fields: readonly FieldIR[]
}

/** A whole compiled set of dictionaries. */
export interface MappingIR {
  readonly irVersion: typeof IR_VERSION
  /** Dictionaries sorted by `id`, so that output is deterministic. */
  readonly dictionaries: readonly DictionaryIR[]
  /** Target schemas (`dictionaries/schemas/*.md`), sorted by `name`; absent when there are none. See docs/schemas.md. */
  readonly schemas?: readonly SchemaIR[]
}

/**
 * The closed set of derivations a schema may apply to standard names
 * (docs/schemas.md). Never code: the engine has one implementation of each.
 */
export type Derivation = 'basename' | 'dirname' | 'user_name' | 'user_domain' | 'lower' | 'epoch_ms' | 'coalesce' | 'unique'

/** The derivations and how many arguments each takes (`min`, and `max` or unbounded). */
export const DERIVATIONS: Readonly<Record<Derivation, { readonly min: number; readonly max?: number }>> = Object.freeze({
  basename: { min: 1, max: 1 },
  dirname: { min: 1, max: 1 },
  user_name: { min: 1, max: 1 },
  user_domain: { min: 1, max: 1 },
  lower: { min: 1, max: 1 },
  epoch_ms: { min: 1, max: 1 },
  coalesce: { min: 1 },
  unique: { min: 1 },
})

/** A JSON value a schema writes (a constant, a value map's target value). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue }

/** What an assignment reads: a standard name of the mapped record, a constant, or a derivation over those. */
export type ValueIR =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'constant'; readonly value: JsonValue }
  | { readonly kind: 'derive'; readonly fn: Derivation; readonly args: readonly ValueIR[] }

/** A value map's result: a JSON value, or `keep` for the source value itself. */
export type TargetValueIR = { readonly value: JsonValue } | { readonly keep: true }

/**
 * A value map, written out in each assignment that uses it. The source value is
 * compared as text (`String(value)`); with `compare: 'loose'`, by `looseKey`
 * (`@mapdown/engine`). No entry and no `default`: the assignment writes nothing.
 */
export interface ValueMapIR {
  readonly name: string
  readonly compare?: MatchCompare
  readonly entries: readonly { readonly from: string; readonly to: TargetValueIR }[]
  readonly default?: TargetValueIR
}

/** One target field of a projection: its path segments, what it reads, and an optional value map. */
export interface AssignmentIR {
  readonly target: readonly string[]
  readonly value: ValueIR
  readonly map?: ValueMapIR
}

/**
 * How one dictionary's records become a schema's records. Assignments run in
 * order; when several write the same target, the first that yields a value wins.
 */
export interface ProjectionIR {
  readonly dictionary: string
  readonly assignments: readonly AssignmentIR[]
}

/** A compiled schema document: a target for `--schema <name>`. */
export interface SchemaIR {
  readonly name: string
  readonly title: string
  readonly description: string | null
  readonly version: string | null
  /** The schema document, relative to the compile root. */
  readonly source: string
  /** Where the record metadata goes (`["unmapped", "mapdown"]`, `["labels"]`). */
  readonly metadata: readonly string[]
  /**
   * How it is written there: absent, the metadata object as it is; `labels`,
   * as string keys added to the object at `metadata` (`mapdown_dictionary`,
   * `mapdown_rule`, `mapdown_log_type`, and `mapdown_issues`, the issues as JSON
   * text), for targets whose only open container takes strings (ECS `labels`).
   */
  readonly metadataForm?: 'labels'
  /** One per dictionary of the IR, sorted by dictionary id. */
  readonly projections: readonly ProjectionIR[]
}

/** The key under which mapped records carry mapdown's own metadata; never a standard name. */
export const RESERVED_KEY = '@mapdown' as const
