import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const encodingInvalid = defineRule({
  id: 'encoding-invalid',
  summary: 'The file is not valid UTF-8; invalid bytes are read as U+FFFD.',
  severity: 'warning',
  messages: {
    invalidUtf8: 'Unexpected invalid UTF-8 in file, expected UTF-8 text; invalid bytes read as U+FFFD',
  },
})

/** Reports a file whose bytes did not decode as UTF-8 (`decodeSource` says so). */
export function checkEncoding(ctx: FileContext, invalidUtf8: boolean): void {
  if (invalidUtf8) encodingInvalid.report(ctx, 'invalidUtf8', {}, { line: 1, column: 1 })
}
