import type { FileContext, Place } from '../context.js'
import { defineRule } from './rule.js'

export const eventJsonBackslash = defineRule({
  id: 'event-json-backslash',
  summary: 'The Event JSON has backslashes that start no JSON escape (Windows paths); they are doubled and the sample is read.',
  severity: 'warning',
  messages: {
    one: {
      text: 'Unexpected unescaped backslash in Event JSON string, expected `\\\\`; read as a literal backslash',
      note: 'Windows paths in JSON need doubled backslashes: `"C:\\\\Windows"`.',
    },
    several: {
      text: 'Unexpected unescaped backslashes ({{count}}) in Event JSON string, expected `\\\\`; read as a literal backslash',
      note: 'Windows paths in JSON need doubled backslashes: `"C:\\\\Windows"`.',
    },
  },
})

/** Reports the repairs `repairBackslashes` made (the sample is read with them), at the first one. */
export function reportRepairedBackslashes(ctx: FileContext, count: number, first: Place): void {
  if (count === 1) eventJsonBackslash.report(ctx, 'one', {}, first)
  else eventJsonBackslash.report(ctx, 'several', { count }, first)
}
