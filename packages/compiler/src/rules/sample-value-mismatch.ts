import { coerce } from '@mapdown/engine'
import type { FileContext } from '../context.js'
import type { FieldDraft } from '../field-draft.js'
import { lookup } from '../paths/resolve.js'
import { defineRule } from './rule.js'
import { shortJson } from './sample-value-type.js'

export const sampleValueMismatch = defineRule({
  id: 'sample-value-mismatch',
  summary: "A Sample Value cell says something else than the sample event's value at the field's path (both compared as the field's type reads them).",
  docs: 'A Sample Value cell documents what the field looks like; when the Event JSON holds another value at that path, one of the two was copied from another event or edited alone. Both are read with the engine\'s coercion for the declared type, so `1718213549466` and `"1718213549466"` agree, as do two spellings of one date; a cell or value that does not coerce at all is `sample-value-type`\'s. Rows included from a partial are not compared: their Sample Value stands for every dictionary that includes them.',
  severity: 'warning',
  messages: {
    mismatch: {
      text: 'Unexpected Sample Value `{{cell}}` for `{{name}}`, expected {{value}} as in the sample event at `{{path}}`',
      note: 'Copy the value from the Event JSON, or leave the cell empty.',
    },
  },
})

/** Compares a field's Sample Value cell with the sample event's value, as the field's type reads both. */
export function checkSampleValueMatches(ctx: FileContext, field: FieldDraft, sample: unknown): void {
  if (sample === undefined || field.sampleValue === null || field.sampleValue === '' || !field.sampleValueCell) return
  const found = lookup(sample, field.path)
  if (!found.found || found.value === null || typeof found.value === 'object') return
  const cell = coerce(field.sampleValue, field.type, field.dateArgument)
  const event = coerce(found.value, field.type, field.dateArgument)
  if (cell.kind !== 'value' || event.kind !== 'value' || cell.value === event.value) return
  sampleValueMismatch.report(
    ctx,
    'mismatch',
    { cell: field.sampleValue, name: field.name, value: shortJson(found.value), path: field.pathCell.text },
    field.sampleValueCell.position,
    { actual: field.sampleValue, expected: [String(found.value)] },
  )
}
