import type { FileContext, Place } from '../context.js'
import { defineRule } from './rule.js'

export const includeCycle = defineRule({
  id: 'include-cycle',
  summary: 'Files include each other in a cycle (a file that includes itself, directly or through others).',
  docs: 'Files include each other in a cycle (a file that includes itself, directly or through others). The include that closes the cycle is reported, on the file that wrote it, and ignored.',
  severity: 'error',
  messages: {
    self: 'Unexpected include of `{{path}}`, the file itself, expected other files (an include cycle)',
    cycle: 'Unexpected include cycle {{chain}}, expected files that never include themselves',
  },
})

/** Reports the include that closes a cycle through `files` (the first is included again at the end). */
export function reportIncludeCycle(ctx: FileContext, files: readonly string[], place: Place): void {
  includeCycle.report(ctx, 'cycle', { chain: files.map((file) => `\`${file}\``).join(' → ') }, place)
}

export function reportSelfInclude(ctx: FileContext, path: string, place: Place): void {
  includeCycle.report(ctx, 'self', { path }, place)
}
