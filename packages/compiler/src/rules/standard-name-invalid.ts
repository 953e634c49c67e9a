import { RESERVED_KEY, RESERVED_NAMES } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import type { TableCell } from '../markdown/tables.js'
import { defineRule } from './rule.js'

export const standardNameInvalid = defineRule(
  'standard-name-invalid',
  `A Standard Name is empty, reserved (${RESERVED_NAMES.map((name) => `\`${name}\``).join(', ')}) or not an identifier.`,
)

const RESERVED = new Set<string>(RESERVED_NAMES)
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*$/

/** Returns false when the name cannot be used (an error was reported). */
export function checkStandardName(ctx: FileContext, cell: TableCell): boolean {
  const name = cell.text
  if (name === '') {
    ctx.report(standardNameInvalid, 'error', 'Unexpected empty Standard Name, expected a name such as `src_ip`', cell.position)
    return false
  }
  if (RESERVED.has(name)) {
    ctx.report(standardNameInvalid, 'error', `Unexpected reserved Standard Name \`${name}\`, expected another name`, cell.position, {
      note: `\`${RESERVED_KEY}\` carries mapdown's own metadata in mapped records; the others are JavaScript object internals.`,
    })
    return false
  }
  if (!IDENTIFIER.test(name)) {
    ctx.report(standardNameInvalid, 'warning', `Unexpected Standard Name \`${name}\`, expected a snake_case identifier such as \`src_ip\``, cell.position)
  }
  return true
}
