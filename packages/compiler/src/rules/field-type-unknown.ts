import type { FileContext } from '../context.js'
import { didYouMean } from '../did-you-mean.js'
import type { TableCell } from '../markdown/tables.js'
import { TYPE_NAMES } from '../types/field-type.js'
import { defineRule } from './rule.js'

export const fieldTypeUnknown = defineRule('field-type-unknown', 'A Type cell names no known type (string, integer, long, float, boolean, ip, date...).')

const KNOWN = Object.keys(TYPE_NAMES)

export function reportUnknownType(ctx: FileContext, cell: TableCell, name: string, standardName: string): void {
  const suggestion = didYouMean(name, KNOWN)
  const known = 'string, integer, long, float, boolean (bool), ip, date (datetime)'
  ctx.report(
    fieldTypeUnknown,
    'error',
    `Unexpected type \`${cell.text}\` for \`${standardName}\`, expected ${suggestion ? `\`${suggestion}\` (did you mean it?) or one of ` : 'one of '}${known}`,
    cell.position,
    { actual: cell.text, expected: KNOWN, note: 'Dates take an optional argument: `date(epoch_ms)` (the default), `date(epoch_s)`, `date(iso8601)` or a pattern such as `date(yyyy-MM-dd HH:mm:ss)`.' },
  )
}
