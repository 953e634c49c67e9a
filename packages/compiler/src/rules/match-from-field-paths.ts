import type { SourcePosition } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const matchFromFieldPaths = defineRule({
  id: 'match-from-field-paths',
  summary: 'The route was taken from the Data Dictionary paths alone: no `match:` key, no Event Types row, no sample event with one non-null event object.',
  docs: "The weakest evidence the compiler routes on: the one top-level object that the Data Dictionary's paths name, once the envelope every event carries (Deep Visibility's `timestamp`) is set aside. The 2019 `DNSEvent` dictionary, with an empty Event JSON block and an Event Types table without rows, compiles this way. The dictionary works, but its route is a guess from its rows: state it.",
  severity: 'warning',
  messages: {
    derived: {
      text: 'Unexpected route taken from the Data Dictionary paths alone (`match: {{key}}`: {{because}}), expected a `match:` key, an Event Types row or a sample event',
      note: 'Write `match: {{key}}` in front matter (or a `{{key}}` row in the Event Types table) to make the route explicit.',
    },
  },
})

/** Reports a predicate derived from the field paths, naming it and the evidence. */
export function reportMatchFromFieldPaths(ctx: FileContext, key: string, because: string, position: SourcePosition | undefined): void {
  matchFromFieldPaths.report(ctx, 'derived', { key, because }, position ?? { line: 1, column: 1 })
}
