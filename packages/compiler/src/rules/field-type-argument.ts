import { datePatternProblem } from '@mapdown/engine'
import type { FileContext } from '../context.js'
import type { TableCell } from '../markdown/tables.js'
import type { TypeCellResult } from '../types/field-type.js'
import { defineRule } from './rule.js'

export const fieldTypeArgument = defineRule({
  id: 'field-type-argument',
  summary: 'A type argument that means nothing for its type (ignored), or a date pattern the engine refuses.',
  docs: 'A type argument that means nothing for its type (only `date` takes one; ignored, a warning), or a date pattern the engine refuses (an error): two variable-width number fields with no separator between them (`Hm`), which is ambiguous and makes the date parser backtrack exponentially.',
  severity: 'warning',
  messages: {
    datePattern: { text: 'Unexpected date pattern `{{pattern}}`: {{problem}}', severity: 'error' },
    ignoredArgument: 'Unexpected argument `{{argument}}` for type `{{type}}`, expected none (only `date` takes one); ignored',
  },
})

/**
 * Checks a Type cell's argument. Returns false when the type cannot be used:
 * the engine refuses the date pattern (`createEngine`), and would backtrack on
 * it, so it is an error here, not at `mapdown map` time.
 */
export function checkTypeArgument(ctx: FileContext, result: Extract<TypeCellResult, { ok: true }>, typeCell: TableCell): boolean {
  let ok = true
  if (typeof result.dateArgument === 'object') {
    const problem = datePatternProblem(result.dateArgument.pattern)
    if (problem !== undefined) {
      ok = false
      fieldTypeArgument.report(ctx, 'datePattern', { pattern: result.dateArgument.pattern, problem }, typeCell.position)
    }
  }
  if (result.ignoredArgument !== undefined) {
    fieldTypeArgument.report(ctx, 'ignoredArgument', { argument: result.ignoredArgument, type: result.type }, typeCell.position)
  }
  return ok
}
