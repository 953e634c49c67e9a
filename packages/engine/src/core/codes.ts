import type { CoercionIssueCode } from '../coerce/result.js'

/**
 * Every reason an event is not mapped, in the order the docs list them. The one
 * list of reject codes: the engine's results, its streams, `mapdown map`'s
 * rejects file and the worker's dead letters all say these, the same code for
 * the same input whatever the entry point.
 */
export const REJECT_REASONS = Object.freeze([
  'invalid_utf8', // the line's bytes are not UTF-8 text (found by the NDJSON framing)
  'line_too_long', // longer than maxLineBytes (framing or mapLine)
  'invalid_json', // not one JSON value
  'too_deep', // nested deeper than maxDepth
  'not_an_object', // JSON, but not an object
  'no_matching_dictionary',
  'ambiguous_match', // several dictionaries match
  'field_error', // a field issue with onFieldError 'reject'
] as const)

/** Why an event was not mapped. */
export type RejectReason = (typeof REJECT_REASONS)[number]

/** The reject reasons the NDJSON framing finds before the engine parses a line. */
export type FramingRejectReason = Extract<RejectReason, 'invalid_utf8' | 'line_too_long'>

/**
 * Why a field was left out of a record: a coercion code, several values where
 * one was expected, or a path that ran into an array or a scalar where an
 * object was expected (`unexpected_shape`).
 */
export type FieldIssueCode = CoercionIssueCode | 'multiple_values' | 'unexpected_shape'
