// Everything @mapdown/engine exports in every environment (Node and browser entries alike).
export { createEngine } from './core/create.js'
export { IrValidationError, IrVersionError } from './errors.js'
export { coerce } from './coerce/index.js'
export { datePatternProblem } from './coerce/date/pattern-safety.js'
// The one JSONPath filter grammar, shared with the compiler (which reports its errors with positions).
export { canonicalFilter, FilterSyntaxError } from './validate/filter-expression.js'
// The reference lookup (what the interpreter reads), shared with the compiler's checks of sample events.
export { lookupAll as lookupPath } from './interpret/lookup.js'
// The reference routing of one predicate, and how `match-compare: loose` compares strings: shared with the compiler's overlap check.
export { matchHolds } from './interpret/match.js'
export { looseKey } from './lookup/loose.js'
export { utf8ByteLength } from './text/utf8-byte-length.js'
// UTF-16 told from its first bytes, refused by the CLI (inputs) and the compiler (dictionaries).
export { utf16Encoding } from './text/utf16.js'
export { REJECT_REASONS } from './core/codes.js'
export { UNMATCHED_LIMIT } from './core/stats.js'
export { emptyStats, mergeStats } from './core/merge-stats.js'
export type {
  Engine,
  EngineOptions,
  EngineStats,
  FieldIssue,
  FieldIssueCode,
  FramingRejectReason,
  MapResult,
  MappedRecord,
  MappedValue,
  OnFieldError,
  RecordMetadata,
  RejectReason,
  SchemaValue,
} from './core/types.js'
export type { IrProblem } from './errors.js'
export type { Utf16Encoding } from './text/utf16.js'
export type { CoercionIssueCode, CoercionResult } from './coerce/index.js'
