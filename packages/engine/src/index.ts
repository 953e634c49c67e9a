export { coerce } from './coerce/index.js'
export type { CoercionIssueCode, CoercionResult } from './coerce/index.js'
export { NdjsonSplitter } from './ndjson/splitter.js'
export type { NdjsonLine, NdjsonLineError, NdjsonSplitterOptions } from './ndjson/line.js'
