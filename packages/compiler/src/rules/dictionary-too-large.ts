import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

/**
 * The largest dictionary read, in bytes (UTF-8): over a hundred times the
 * largest real one. The markdown parser needs about 250 bytes of memory per
 * byte of input and is super-linear on some constructs, so bigger files are
 * refused before they are decoded or parsed.
 */
export const MAX_DICTIONARY_BYTES = 1024 * 1024

export const dictionaryTooLarge = defineRule({
  id: 'dictionary-too-large',
  summary:
    'The file is larger than any dictionary needs (1 MiB); it is not read, because parsing markdown that size takes seconds and gigabytes (a 10 MB table cell: 17 s and 2.5 GB).',
  severity: 'error',
  messages: {
    tooLarge: 'Unexpected dictionary of {{bytes}} bytes, expected at most {{limit}} (1 MiB); the file is not read',
  },
  example: { source: 'packages/compiler/test/too-large.test.ts', line: '1:1 error Unexpected dictionary of 1,048,577 bytes, expected at most 1,048,576 (1 MiB); the file is not read dictionary-too-large' },
})

/** Returns true (and reports) when the file is too large to read. */
export function checkDictionarySize(ctx: FileContext, bytes: number): boolean {
  if (bytes <= MAX_DICTIONARY_BYTES) return false
  dictionaryTooLarge.report(ctx, 'tooLarge', { bytes: bytes.toLocaleString('en-US'), limit: MAX_DICTIONARY_BYTES.toLocaleString('en-US') }, { line: 1, column: 1 })
  return true
}
