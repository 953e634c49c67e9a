export { coerce } from './coerce/index.js'
export type { CoercionIssueCode, CoercionResult } from './coerce/index.js'
