import type { FileContext, Place } from '../context.js'
import { defineRule } from './rule.js'

export const eventJsonInvalid = defineRule({
  id: 'event-json-invalid',
  summary: 'The Event JSON code block is not valid JSON (the position is that of the error in the markdown file).',
  severity: 'warning',
  messages: {
    // The reason is the JSON scanner's own (`scanJson`: "Unexpected `x` in JSON, expected `y`").
    invalid: { text: '{{reason}}', note: 'The sample event is ignored: paths and types are not checked against it.' },
  },
})

/** Reports the scanner's first error, at its place in the markdown file. */
export function reportInvalidSample(ctx: FileContext, reason: string, place: Place): void {
  eventJsonInvalid.report(ctx, 'invalid', { reason }, place)
}
