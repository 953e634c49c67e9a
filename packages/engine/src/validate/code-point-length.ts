/**
 * The length of a string in Unicode code points (a surrogate pair counts
 * once), as JSON Schema's `minLength`/`maxLength` define it. The generated IR
 * validator calls this instead of ajv's runtime helper, which it would have to
 * `require()`: an ES module with no CommonJS import loads in Node and in a
 * browser alike.
 */
export function codePointLength(text: string): number {
  let length = 0
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) index++
    }
    length++
  }
  return length
}
