import type { FileContext } from '../context.js'
import type { TableCell } from '../markdown/tables.js'
import { defineRule } from './rule.js'

export const standardNameDuplicate = defineRule({
  id: 'standard-name-duplicate',
  summary: 'Two Data Dictionary rows map to the same Standard Name.',
  docs: 'Two Data Dictionary rows map to the same Standard Name, in the dictionary or in the partials it includes (the message then names the file of the first).',
  severity: 'error',
  messages: {
    duplicate: 'Unexpected duplicate Standard Name `{{name}}`, expected each name once (first defined at {{line}}:{{column}})',
    duplicateIncluded: 'Unexpected duplicate Standard Name `{{name}}`, expected each name once (first defined at {{source}} {{line}}:{{column}})',
  },
})

/** A Standard Name cell, in the file (context) it was written in; `source` names an included file. */
export interface NameCell {
  ctx: FileContext
  cell: TableCell
  source?: string | undefined
}

/** Reports every repeated Standard Name (after the first) with a cause at the first, across a dictionary and its includes. */
export function checkDuplicateStandardNames(cells: readonly NameCell[]): void {
  const first = new Map<string, NameCell>()
  for (const entry of cells) {
    const { ctx, cell } = entry
    const earlier = first.get(cell.text)
    if (!earlier) {
      first.set(cell.text, entry)
      continue
    }
    const at = { name: cell.text, line: earlier.cell.position.start.line, column: earlier.cell.position.start.column }
    const cause = earlier.ctx.causeAt(`\`${cell.text}\` first defined here`, earlier.cell.position)
    if (earlier.ctx.file.path === ctx.file.path || earlier.source === undefined) standardNameDuplicate.report(ctx, 'duplicate', at, cell.position, { cause })
    else standardNameDuplicate.report(ctx, 'duplicateIncluded', { ...at, source: earlier.source }, cell.position, { cause })
  }
}
