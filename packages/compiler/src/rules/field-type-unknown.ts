import { FIELD_TYPE_NAMES, FIELD_TYPE_REGISTRY, FIELD_TYPES } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { didYouMean } from '../did-you-mean.js'
import type { TableCell } from '../markdown/tables.js'
import { defineRule } from './rule.js'

export const fieldTypeUnknown = defineRule({
  id: 'field-type-unknown',
  summary: `A Type cell names no known type (${FIELD_TYPES.join(', ')}, or an alias).`,
  severity: 'error',
  messages: {
    unknown: {
      text: 'Unexpected type `{{type}}` for `{{name}}`, expected {{suggestion}}one of {{known}}',
      note: 'Dates take an optional argument: `date(epoch_ms)` (the default), `date(epoch_s)`, `date(iso8601)` or a pattern such as `date(yyyy-MM-dd HH:mm:ss)`.',
    },
  },
})

/** Every name a Type cell may hold, aliases included: the did-you-mean candidates (from the registry in @mapdown/ir). */
const KNOWN = Object.keys(FIELD_TYPE_NAMES)

/** The types as the message lists them: `string, integer (int), ..., date (datetime)`. */
const KNOWN_TEXT = FIELD_TYPES.map((type) => {
  const aliases: readonly string[] = FIELD_TYPE_REGISTRY[type].aliases
  return aliases.length === 0 ? type : `${type} (${aliases.join(', ')})`
}).join(', ')

export function reportUnknownType(ctx: FileContext, cell: TableCell, name: string, standardName: string): void {
  const suggestion = didYouMean(name, KNOWN)
  fieldTypeUnknown.report(
    ctx,
    'unknown',
    { type: cell.text, name: standardName, suggestion: suggestion ? `\`${suggestion}\` (did you mean it?) or ` : '', known: KNOWN_TEXT },
    cell.position,
    { actual: cell.text, expected: KNOWN },
  )
}
