import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const internalError = defineRule({
  id: 'internal-error',
  summary: 'The compiler failed on this file: a bug in mapdown, please report it with the file.',
  severity: 'error',
  messages: {
    failure: { text: 'Unexpected compiler failure: {{error}}', note: 'This is a bug in mapdown; please report it with the dictionary.' },
  },
})

/** Turns an exception thrown while compiling a file into a message on it (the compiler never throws). */
export function reportInternalError(ctx: FileContext, error: unknown): void {
  internalError.report(ctx, 'failure', { error: error instanceof Error ? error.message : String(error) }, undefined)
}
