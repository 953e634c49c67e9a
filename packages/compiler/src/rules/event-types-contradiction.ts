import type { SourcePosition } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const eventTypesContradiction = defineRule({
  id: 'event-types-contradiction',
  summary: 'The Event Types table names an event object that the sample event and the Data Dictionary paths do not use (often a table copied from another dictionary).',
  severity: 'warning',
  messages: {
    contradiction: 'Unexpected event type `{{declared}}` in the Event Types table, expected `{{used}}`: {{because}}, while {{evidence}}{{where}}; routing on `{{used}}`',
  },
})

export interface Contradiction {
  /** The Event Types table's Field Name cell. */
  declared: { key: string; position: SourcePosition }
  /** What the sample / the fields say instead, and where. */
  used: { key: string; position: SourcePosition | undefined; evidence: string }
  /** Why the declared key does not fit. */
  because: string
}

export function reportContradiction(ctx: FileContext, contradiction: Contradiction): void {
  const { declared, used, because } = contradiction
  const where = used.position ? ` (line ${used.position.start.line})` : ''
  eventTypesContradiction.report(
    ctx,
    'contradiction',
    { declared: declared.key, used: used.key, because, evidence: used.evidence, where },
    declared.position,
    used.position ? { cause: ctx.causeAt(`\`${used.key}\` used here`, used.position) } : {},
  )
}
