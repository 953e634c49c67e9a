import type { SourcePosition } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const eventJsonNotObject = defineRule({
  id: 'event-json-not-object',
  summary: 'The Event JSON is valid JSON but not an object, so it cannot be a raw event.',
  severity: 'warning',
  messages: {
    notObject: 'Unexpected {{kind}} as Event JSON, expected an object',
  },
})

/** Returns true when the parsed sample is a JSON object; reports it otherwise. */
export function checkSampleIsObject(ctx: FileContext, value: unknown, block: SourcePosition): value is Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return true
  eventJsonNotObject.report(ctx, 'notObject', { kind: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value }, block)
  return false
}
