import { coerce } from '@mapdown/engine'
import type { FileContext } from '../context.js'
import type { FieldDraft } from '../field-draft.js'
import { lookup } from '../paths/resolve.js'
import { typeLabel } from '../types/field-type.js'
import { defineRule } from './rule.js'

export const sampleValueType = defineRule(
  'sample-value-type',
  "A Sample Value cell, or the sample event's value at the field's path, does not coerce to the declared type (checked with the engine's own coercions).",
)

/**
 * Checks both samples of a field with `coerce` from `@mapdown/engine`, so
 * the compiler and the engine always agree on what a type accepts.
 */
export function checkSampleValues(ctx: FileContext, field: FieldDraft, sample: unknown): void {
  const label = typeLabel(field.type, field.dateArgument)
  if (field.sampleValue !== null && field.sampleValue !== '' && field.sampleValueCell) {
    const result = coerce(field.sampleValue, field.type, field.dateArgument)
    if (result.kind === 'issue') {
      ctx.report(
        sampleValueType,
        'warning',
        `Unexpected Sample Value \`${field.sampleValue}\` for \`${field.name}\` of type \`${label}\`: ${lowerFirst(result.message)}`,
        field.sampleValueCell.position,
        { actual: field.sampleValue, note: `Coercion issue \`${result.code}\`; the engine would report this value as a field issue.` },
      )
    }
  }
  if (sample === undefined || field.typeInferred) return
  const found = lookup(sample, field.path)
  if (!found.found) return
  const result = coerce(found.value, field.type, field.dateArgument)
  if (result.kind === 'issue') {
    ctx.report(
      sampleValueType,
      'warning',
      `Unexpected value ${shortJson(found.value)} at \`${field.pathCell.text}\` in the sample event for \`${field.name}\` of type \`${label}\`: ${lowerFirst(result.message)}`,
      field.pathCell.position,
      { note: `Coercion issue \`${result.code}\`.` },
    )
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``
}
