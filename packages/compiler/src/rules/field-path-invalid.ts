import type { FileContext, Place } from '../context.js'
import type { FieldPathResult } from '../paths/field-path.js'
import { fieldPathEmpty } from './field-path-empty.js'
import { fieldPathUnsafe } from './field-path-unsafe.js'
import { defineRule } from './rule.js'

export const fieldPathInvalid = defineRule({
  id: 'field-path-invalid',
  summary: 'A Field Name is neither a dotted name nor a valid JSONPath.',
  severity: 'error',
  messages: {
    // The reason is the path reader's (`readFieldPath`: "Unexpected empty segment in Field Name ...").
    invalid: '{{reason}} (Field Name of {{row}})',
  },
})

/** Reports a Field Name `readFieldPath` refused, under the rule its problem belongs to (empty, unsafe, invalid). */
export function reportFieldPathProblem(ctx: FileContext, failure: Extract<FieldPathResult, { ok: false }>, row: string, place: Place): void {
  const data = { reason: failure.reason, row }
  if (failure.problem === 'empty') fieldPathEmpty.report(ctx, 'empty', data, place)
  else if (failure.problem === 'unsafe') fieldPathUnsafe.report(ctx, 'unsafe', data, place)
  else fieldPathInvalid.report(ctx, 'invalid', data, place)
}
