import type { FileContext } from '../context.js'
import type { FieldDraft } from '../field-draft.js'
import { defineRule } from './rule.js'

export const samplePathAbsent = defineRule({
  id: 'sample-path-absent',
  summary: 'A Field Name finds nothing in the sample event (a typo, or a field the sample lacks).',
  severity: 'warning',
  messages: {
    absent: { text: 'Unexpected Field Name `{{path}}` for `{{name}}`, expected a path found in the sample event', note: 'Check the spelling against the Event JSON.' },
    absentUndecided: {
      text: 'Unexpected Field Name `{{path}}` for `{{name}}`, expected a path found in the sample event',
      note: 'The sample decides nothing, so the engine tries nested objects first and then a flat key with dots.',
    },
  },
})

export function reportAbsentPath(ctx: FileContext, field: FieldDraft): void {
  samplePathAbsent.report(ctx, field.path.kind === 'either' ? 'absentUndecided' : 'absent', { path: field.pathCell.text, name: field.name }, field.pathCell.position)
}
