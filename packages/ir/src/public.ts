// Everything @mapdown/ir exports in every environment (Node and browser entries alike).
export { IR_VERSION, FIELD_TYPES, RESERVED_KEY } from './types.js'
export type {
  DateArgument,
  DictionaryIR,
  FieldIR,
  FieldType,
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
