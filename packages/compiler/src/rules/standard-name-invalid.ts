import { RESERVED_KEY, RESERVED_NAMES } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import type { TableCell } from '../markdown/tables.js'
import { defineRule } from './rule.js'

export const standardNameInvalid = defineRule({
  id: 'standard-name-invalid',
  summary: `A Standard Name is empty, reserved (${RESERVED_NAMES.map((name) => `\`${name}\``).join(', ')}) or not an identifier.`,
  severity: 'error',
  messages: {
    empty: 'Unexpected empty Standard Name, expected a name such as `src_ip`',
    reserved: {
      text: 'Unexpected reserved Standard Name `{{name}}`, expected another name',
      note: '`{{reservedKey}}` carries mapdown\'s own metadata in mapped records; the others are JavaScript object internals.',
    },
    notIdentifier: { text: 'Unexpected Standard Name `{{name}}`, expected a snake_case identifier such as `src_ip`', severity: 'warning' },
  },
})

const RESERVED = new Set<string>(RESERVED_NAMES)
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*$/

/** Returns false when the name cannot be used (an error was reported). */
export function checkStandardName(ctx: FileContext, cell: TableCell): boolean {
  const name = cell.text
  if (name === '') {
    standardNameInvalid.report(ctx, 'empty', {}, cell.position)
    return false
  }
  if (RESERVED.has(name)) {
    standardNameInvalid.report(ctx, 'reserved', { name, reservedKey: RESERVED_KEY }, cell.position)
    return false
  }
  if (!IDENTIFIER.test(name)) {
    standardNameInvalid.report(ctx, 'notIdentifier', { name }, cell.position)
  }
  return true
}
