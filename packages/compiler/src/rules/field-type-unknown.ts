import type { FileContext } from '../context.js'
import { didYouMean } from '../did-you-mean.js'
import type { TableCell } from '../markdown/tables.js'
import { TYPE_NAMES } from '../types/field-type.js'
import { defineRule } from './rule.js'

export const fieldTypeUnknown = defineRule({
  id: 'field-type-unknown',
  summary: 'A Type cell names no known type (string, integer, long, float, boolean, ip, date...).',
  severity: 'error',
  messages: {
    unknown: {
      text: 'Unexpected type `{{type}}` for `{{name}}`, expected {{suggestion}}one of {{known}}',
      note: 'Dates take an optional argument: `date(epoch_ms)` (the default), `date(epoch_s)`, `date(iso8601)` or a pattern such as `date(yyyy-MM-dd HH:mm:ss)`.',
    },
  },
})

const KNOWN = Object.keys(TYPE_NAMES)

export function reportUnknownType(ctx: FileContext, cell: TableCell, name: string, standardName: string): void {
  const suggestion = didYouMean(name, KNOWN)
  const known = 'string, integer, long, float, boolean (bool), ip, date (datetime)'
  fieldTypeUnknown.report(
    ctx,
    'unknown',
    { type: cell.text, name: standardName, suggestion: suggestion ? `\`${suggestion}\` (did you mean it?) or ` : '', known },
    cell.position,
    { actual: cell.text, expected: KNOWN },
  )
}
