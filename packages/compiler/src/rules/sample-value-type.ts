import { coerce } from '@mapdown/engine'
import type { FileContext } from '../context.js'
import type { FieldDraft } from '../field-draft.js'
import { lookup } from '../paths/resolve.js'
import { typeLabel } from '../types/field-type.js'
import { defineRule } from './rule.js'

export const sampleValueType = defineRule({
  id: 'sample-value-type',
  summary: "A Sample Value cell, or the sample event's value at the field's path, does not coerce to the declared type (checked with the engine's own coercions).",
  severity: 'warning',
  messages: {
    sampleValueCell: {
      text: 'Unexpected Sample Value `{{value}}` for `{{name}}` of type `{{type}}`: {{issue}}',
      note: 'Coercion issue `{{code}}`; the engine would report this value as a field issue.',
    },
    sampleEvent: { text: 'Unexpected value {{value}} at `{{path}}` in the sample event for `{{name}}` of type `{{type}}`: {{issue}}', note: 'Coercion issue `{{code}}`.' },
  },
})

/**
 * Checks both samples of a field with `coerce` from `@mapdown/engine`, so
 * the compiler and the engine always agree on what a type accepts.
 */
export function checkSampleValues(ctx: FileContext, field: FieldDraft, sample: unknown): void {
  const label = typeLabel(field.type, field.dateArgument)
  if (field.sampleValue !== null && field.sampleValue !== '' && field.sampleValueCell) {
    const result = coerce(field.sampleValue, field.type, field.dateArgument)
    if (result.kind === 'issue') {
      sampleValueType.report(
        ctx,
        'sampleValueCell',
        { value: field.sampleValue, name: field.name, type: label, issue: lowerFirst(result.message), code: result.code },
        field.sampleValueCell.position,
        { actual: field.sampleValue },
      )
    }
  }
  if (sample === undefined || field.typeInferred) return
  const found = lookup(sample, field.path)
  if (!found.found) return
  const result = coerce(found.value, field.type, field.dateArgument)
  if (result.kind === 'issue') {
    sampleValueType.report(
      ctx,
      'sampleEvent',
      { value: shortJson(found.value), path: field.pathCell.text, name: field.name, type: label, issue: lowerFirst(result.message), code: result.code },
      field.pathCell.position,
    )
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** A JSON value for a message, cut at 60 characters. */
export function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``
}
