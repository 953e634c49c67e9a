/**
 * What the first bytes of an input or an IR file say about it: gzip data
 * (whatever the file is called), or UTF-16 text, which mapdown refuses with a
 * message that says so instead of rejecting every line as invalid JSON.
 */
import { utf16Encoding, type Utf16Encoding } from '@mapdown/engine'

/** Bytes to read before deciding: enough for a gzip header or two UTF-16 characters. */
export const SNIFF_BYTES = 4

export type Sniffed = 'gzip' | Utf16Encoding | undefined

export function sniff(head: Uint8Array): Sniffed {
  // RFC 1952: ID1 ID2.
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  return utf16Encoding(head)
}

/** The message for UTF-16 text. */
export function utf16Message(encoding: Utf16Encoding): string {
  return `is ${encoding} text, expected UTF-8; convert it first, e.g. \`iconv -f UTF-16 -t UTF-8\``
}
