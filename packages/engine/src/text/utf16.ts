/**
 * UTF-16 text, told from its first bytes: a byte order mark, or ASCII
 * characters with every other byte NUL (which UTF-8 JSON and markdown never
 * have). Shared by the CLI (NDJSON inputs, IR files) and the compiler
 * (dictionaries), which refuse UTF-16 with a message that says UTF-16 instead
 * of rejecting every line as invalid JSON or reading mojibake.
 */
export type Utf16Encoding = 'UTF-16LE' | 'UTF-16BE'

export function utf16Encoding(head: Uint8Array): Utf16Encoding | undefined {
  const [b0, b1, b2, b3] = head
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16LE'
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16BE'
  if (head.length < 4) return undefined
  if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'UTF-16LE'
  if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'UTF-16BE'
  return undefined
}
