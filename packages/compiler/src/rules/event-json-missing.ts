import type { FileContext } from '../context.js'
import type { Section } from '../markdown/sections.js'
import { toSourcePosition } from '../position.js'
import { defineRule } from './rule.js'

export const eventJsonMissing = defineRule({
  id: 'event-json-missing',
  summary: 'No Event JSON code block: paths and routing cannot be checked against a sample event.',
  severity: 'warning',
  messages: {
    missing: {
      text: 'Missing Event JSON code block, expected a sample raw event',
      note: 'Without a sample, dotted Field Names stay ambiguous (nested or flat keys) and nothing is checked against real data.',
    },
  },
})

/** Called when no code block could be the sample; points at the Event JSON heading when there is one. */
export function reportMissingSample(ctx: FileContext, section: Section | undefined): void {
  eventJsonMissing.report(ctx, 'missing', {}, section ? toSourcePosition(section.heading.position) : { line: 1, column: 1 })
}
