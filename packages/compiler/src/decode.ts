const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

/**
 * Bytes to text. Invalid UTF-8 is read with U+FFFD replacements (and reported
 * by the caller) rather than refused, so the rest of the file is still checked.
 * A leading BOM is dropped, as editors do not count it as a column.
 */
export function decodeSource(contents: string | Uint8Array): { text: string; invalidUtf8: boolean } {
  if (typeof contents === 'string') return { text: contents.charCodeAt(0) === 0xfeff ? contents.slice(1) : contents, invalidUtf8: false }
  try {
    return { text: strict.decode(contents), invalidUtf8: false }
  } catch {
    return { text: lenient.decode(contents), invalidUtf8: true }
  }
}
