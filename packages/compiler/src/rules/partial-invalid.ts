import type { FileContext, Place } from '../context.js'
import { defineRule } from './rule.js'

export const partialInvalid = defineRule({
  id: 'partial-invalid',
  summary: 'A partial (`partial: true`) holds what only a dictionary may hold: an Event JSON sample or routing keys; they are ignored.',
  docs: 'A partial (`partial: true`) holds what only a dictionary may hold: an Event JSON or Event Types section, or routing keys (`log.type`, a rule name, `match`); or `partial` is not `true` or `false`. What a partial cannot use is ignored: each dictionary that includes the partial checks its rows against its own sample.',
  severity: 'warning',
  messages: {
    dictionaryKey: 'Unexpected `{{key}}` in the front matter of a partial, expected only `title`, `description` and `include`; ignored',
    section: {
      text: 'Unexpected `{{heading}}` section in a partial, expected only a Data Dictionary table; ignored',
      note: 'Each dictionary that includes the partial checks its rows against its own Event JSON.',
    },
    flag: 'Unexpected {{found}} for `partial` in front matter, expected `true` or `false`; read as `false`',
  },
})

export function reportDictionaryKeyInPartial(ctx: FileContext, key: string, place: Place): void {
  partialInvalid.report(ctx, 'dictionaryKey', { key }, place)
}

export function reportSectionInPartial(ctx: FileContext, heading: string, place: Place | undefined): void {
  partialInvalid.report(ctx, 'section', { heading }, place)
}

export function reportPartialFlag(ctx: FileContext, found: string, place: Place): void {
  partialInvalid.report(ctx, 'flag', { found }, place)
}
