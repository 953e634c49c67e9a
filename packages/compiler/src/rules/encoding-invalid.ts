import { utf16Encoding } from '@mapdown/engine'
import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const encodingInvalid = defineRule({
  id: 'encoding-invalid',
  summary: 'The file is not valid UTF-8: invalid bytes are read as U+FFFD (a warning); UTF-16 text is not read at all (an error).',
  docs:
    'The file is not valid UTF-8: invalid bytes are read as U+FFFD (a warning); UTF-16 text is not read at all (an error). ' +
    'UTF-16 is recognised by its byte order mark, or without one by ASCII characters whose every other byte is NUL.',
  severity: 'warning',
  messages: {
    invalidUtf8: 'Unexpected invalid UTF-8 in file, expected UTF-8 text; invalid bytes read as U+FFFD',
    utf16: {
      text: 'Unexpected {{encoding}} text, expected UTF-8; the file is not read',
      note: 'Convert it, e.g. with `iconv -f UTF-16 -t UTF-8`.',
      severity: 'error',
    },
  },
})

/** Reports a file whose bytes did not decode as UTF-8 (`decodeSource` says so). */
export function checkEncoding(ctx: FileContext, invalidUtf8: boolean): void {
  if (invalidUtf8) encodingInvalid.report(ctx, 'invalidUtf8', {}, { line: 1, column: 1 })
}

/** Returns true (and reports) when the bytes are UTF-16 text, which is not read. */
export function checkUtf16(ctx: FileContext, contents: string | Uint8Array): boolean {
  const encoding = typeof contents === 'string' ? undefined : utf16Encoding(contents)
  if (encoding === undefined) return false
  encodingInvalid.report(ctx, 'utf16', { encoding }, { line: 1, column: 1 })
  return true
}
