import type { SourcePosition } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const eventJsonEmpty = defineRule({
  id: 'event-json-empty',
  summary: 'The Event JSON code block is empty.',
  severity: 'warning',
  messages: {
    empty: 'Unexpected empty Event JSON code block, expected a sample raw event',
  },
})

/** Returns true (and reports) when the sample block holds only whitespace. */
export function checkSampleNotEmpty(ctx: FileContext, value: string, block: SourcePosition): boolean {
  if (value.trim() !== '') return false
  eventJsonEmpty.report(ctx, 'empty', {}, block)
  return true
}
