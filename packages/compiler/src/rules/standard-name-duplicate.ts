import type { FileContext } from '../context.js'
import type { TableCell } from '../markdown/tables.js'
import { defineRule } from './rule.js'

export const standardNameDuplicate = defineRule('standard-name-duplicate', 'Two Data Dictionary rows map to the same Standard Name.')

/** Reports every repeated Standard Name (after the first) with a cause at the first. */
export function checkDuplicateStandardNames(ctx: FileContext, cells: readonly TableCell[]): void {
  const first = new Map<string, TableCell>()
  for (const cell of cells) {
    const earlier = first.get(cell.text)
    if (!earlier) {
      first.set(cell.text, cell)
      continue
    }
    ctx.report(
      standardNameDuplicate,
      'error',
      `Unexpected duplicate Standard Name \`${cell.text}\`, expected each name once (first defined at ${earlier.position.start.line}:${earlier.position.start.column})`,
      cell.position,
      { cause: ctx.causeAt(`\`${cell.text}\` first defined here`, earlier.position) },
    )
  }
}
