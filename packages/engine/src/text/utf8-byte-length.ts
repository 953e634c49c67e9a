/**
 * The number of bytes `text` takes in UTF-8, counted without encoding it (no
 * allocation, and no `Buffer`, so that the engine and the compiler's pure API
 * also run in a browser). A lone surrogate counts 3 bytes, as the U+FFFD it
 * is encoded to.
 */
export function utf8ByteLength(text: string): number {
  let bytes = text.length
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    if (unit < 0x80) continue
    if (unit < 0x800) {
      bytes += 1
    } else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1))) {
      // A surrogate pair: 2 UTF-16 units, 4 UTF-8 bytes.
      bytes += 2
      index++
    } else {
      bytes += 2
    }
  }
  return bytes
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}
