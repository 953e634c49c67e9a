import type { FileContext } from '../context.js'
import type { FieldDraft } from '../field-draft.js'
import type { Section } from '../markdown/sections.js'
import { toSourcePosition } from '../position.js'
import { defineRule } from './rule.js'

export const dataDictionaryEmpty = defineRule({
  id: 'data-dictionary-empty',
  summary: 'The Data Dictionary table has no usable rows: the dictionary would map nothing.',
  severity: 'error',
  messages: {
    noRows: 'Unexpected Data Dictionary table without rows, expected at least one field',
  },
})

/** A table that was read but gave no field, when nothing else explains it (an earlier error). */
export function checkDataDictionaryNotEmpty(ctx: FileContext, fields: readonly FieldDraft[] | undefined, section: Section | undefined): void {
  if (fields && fields.length === 0 && !ctx.hasErrors) dataDictionaryEmpty.report(ctx, 'noRows', {}, toSourcePosition(section?.heading.position))
}
