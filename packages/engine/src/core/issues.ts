import type { FieldIR } from '@mapdown/ir'
import type { CoercionResult } from '../coerce/index.js'
import { describeValue } from '../coerce/describe.js'
import type { BlockedPath } from '../lookup/blocked.js'
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

/** A simple path that ran into a value it cannot step into (only nested and either paths have segments to block on). */
export function blockedPathIssue(field: FieldIR, blocked: BlockedPath): FieldIssue {
  const segments = field.path.kind === 'nested' || field.path.kind === 'either' ? field.path.segments : []
  const at = segments.slice(0, blocked.depth).join('.')
  const next = segments[blocked.depth]
  const expected = typeof next === 'number' ? 'an array or an object' : 'an object'
  return {
    field: field.name,
    path: field.path.text,
    code: 'unexpected_shape',
    message: `Unexpected ${describeValue(blocked.found)} at ${at} for field ${field.name} (path ${field.path.text}), expected ${expected}`,
    value: blocked.found,
  }
}
