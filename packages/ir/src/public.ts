// Everything @mapdown/ir exports in every environment (Node and browser entries alike).
export { IR_VERSION, RESERVED_KEY, DERIVATIONS } from './types.js'
export { FIELD_TYPE_NAMES, FIELD_TYPE_REGISTRY, FIELD_TYPES } from './field-types.js'
export type { FieldType, FieldTypeSpec } from './field-types.js'
export type {
  AssignmentIR,
  DateArgument,
  Derivation,
  JsonValue,
  ProjectionIR,
  SchemaIR,
  TargetValueIR,
  ValueIR,
  ValueMapIR,
  DictionaryIR,
  FieldIR,
  MappingIR,
  MatchCompare,
  MatchCondition,
  MatchEvidence,
  MatchIR,
  MatchValue,
  PathIR,
  SourcePoint,
  SourcePosition,
} from './types.js'
export { RESERVED_NAMES } from './reserved.js'
