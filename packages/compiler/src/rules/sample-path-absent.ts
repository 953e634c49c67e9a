import type { FileContext } from '../context.js'
import type { FieldDraft } from '../field-draft.js'
import { defineRule } from './rule.js'

export const samplePathAbsent = defineRule('sample-path-absent', 'A Field Name finds nothing in the sample event (a typo, or a field the sample lacks).')

export function reportAbsentPath(ctx: FileContext, field: FieldDraft): void {
  ctx.report(
    samplePathAbsent,
    'warning',
    `Unexpected Field Name \`${field.pathCell.text}\` for \`${field.name}\`, expected a path found in the sample event`,
    field.pathCell.position,
    {
      note:
        field.path.kind === 'either'
          ? 'The sample decides nothing, so the engine tries nested objects first and then a flat key with dots.'
          : 'Check the spelling against the Event JSON.',
    },
  )
}
