import type { FieldIR } from '@mapdown/ir'
import type { CoercionResult } from '../coerce/index.js'
import type { MultipleValues } from '../lookup/multiple.js'
import type { FieldIssue } from './types.js'

export function coercionIssue(field: FieldIR, value: unknown, result: CoercionResult & { kind: 'issue' }): FieldIssue {
  return { field: field.name, path: field.path.text, code: result.code, message: result.message, value }
}

export function multipleValuesIssue(field: FieldIR, found: MultipleValues): FieldIssue {
  return {
    field: field.name,
    path: field.path.text,
    code: 'multiple_values',
    message: `Unexpected ${found.values.length} values for field ${field.name} at ${field.path.text}, expected one`,
    value: found.values,
  }
}
