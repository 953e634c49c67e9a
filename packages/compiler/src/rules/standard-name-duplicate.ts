import type { FileContext } from '../context.js'
import type { TableCell } from '../markdown/tables.js'
import { defineRule } from './rule.js'

export const standardNameDuplicate = defineRule({
  id: 'standard-name-duplicate',
  summary: 'Two Data Dictionary rows map to the same Standard Name.',
  severity: 'error',
  messages: {
    duplicate: 'Unexpected duplicate Standard Name `{{name}}`, expected each name once (first defined at {{line}}:{{column}})',
  },
})

/** Reports every repeated Standard Name (after the first) with a cause at the first. */
export function checkDuplicateStandardNames(ctx: FileContext, cells: readonly TableCell[]): void {
  const first = new Map<string, TableCell>()
  for (const cell of cells) {
    const earlier = first.get(cell.text)
    if (!earlier) {
      first.set(cell.text, cell)
      continue
    }
    standardNameDuplicate.report(ctx, 'duplicate', { name: cell.text, line: earlier.position.start.line, column: earlier.position.start.column }, cell.position, {
      cause: ctx.causeAt(`\`${cell.text}\` first defined here`, earlier.position),
    })
  }
}
