/** Every whitespace character, Unicode spaces and line breaks included (what `\s` means in JavaScript). */
const WHITESPACE = /\s+/gu

/**
 * The key under which `match-compare: loose` compares a string: all
 * whitespace removed, then lower-cased (locale-independent), so `IP Connect`,
 * `IPConnect` and `ip connect` share the key `ipconnect`. Two strings are
 * loosely equal when their keys are. Shared by the interpreter, the indexed
 * router and the compiler's overlap check, so that all three agree.
 */
export function looseKey(value: string): string {
  return value.replace(WHITESPACE, '').toLowerCase()
}
