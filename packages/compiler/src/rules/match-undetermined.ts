import type { FileContext } from '../context.js'
import type { Section } from '../markdown/sections.js'
import { toSourcePosition } from '../position.js'
import { defineRule } from './rule.js'

export const matchUndetermined = defineRule({
  id: 'match-undetermined',
  summary: 'No match predicate could be derived (no `match:`, no usable Event Types table, sample event or common root of the field paths).',
  severity: 'error',
  messages: {
    undetermined: {
      text: 'Missing match predicate, expected a `match:` key in front matter, an Event Types table, or a sample event with one non-null event object',
      note: 'For Cloud Funnel (flat) events, write for example `match: { event.type: IPConnect }`.',
    },
  },
})

/** Called when neither `match:` nor `deriveMatch` gave a predicate. */
export function reportUndeterminedMatch(ctx: FileContext, dataDictionarySection: Section | undefined): void {
  matchUndetermined.report(ctx, 'undetermined', {}, toSourcePosition(dataDictionarySection?.heading.position) ?? { line: 1, column: 1 })
}
