/**
 * What the first bytes of an input or a dictionary say about it: gzip data
 * (whatever the file is called), or UTF-16 text, which mapdown refuses with a
 * message that says so instead of rejecting every line as invalid JSON.
 */

/** Bytes to read before deciding: enough for a gzip header or two UTF-16 characters. */
export const SNIFF_BYTES = 4

export type Sniffed = 'gzip' | 'utf-16le' | 'utf-16be' | undefined

export function sniff(head: Uint8Array): Sniffed {
  const [b0, b1, b2, b3] = head
  // RFC 1952: ID1 ID2.
  if (b0 === 0x1f && b1 === 0x8b) return 'gzip'
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le'
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be'
  // No byte order mark: ASCII text in UTF-16 has every other byte NUL, which UTF-8 JSON and markdown never have.
  if (head.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le'
  if (head.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'utf-16be'
  return undefined
}

/** The message for UTF-16 text. */
export function utf16Message(kind: 'utf-16le' | 'utf-16be'): string {
  const name = kind === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'
  return `is ${name} text, expected UTF-8; convert it first, e.g. \`iconv -f UTF-16 -t UTF-8\``
}
