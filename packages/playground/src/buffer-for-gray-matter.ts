/**
 * gray-matter keeps the input it was given as `Buffer.from(text)` (its
 * `file.orig`, which mapdown never reads). A browser has no `Buffer`: give
 * gray-matter the one call it makes, so that the compiler runs unchanged.
 */
if (!('Buffer' in globalThis)) {
  Object.defineProperty(globalThis, 'Buffer', {
    value: { from: (text: string) => new TextEncoder().encode(text), isBuffer: () => false },
  })
}
