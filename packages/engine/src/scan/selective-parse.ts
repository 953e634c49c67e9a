/**
 * A selective `JSON.parse` for one line holding one JSON object: it walks the
 * text once, validates all of it, and builds only the top-level keys asked
 * for. Everything else is skipped without building a value: strings by
 * jumping to their closing quote, numbers and literals by their grammar,
 * objects and arrays by walking (and validating) their structure.
 *
 * The contract is "the same as JSON.parse, or undefined": when the result is
 * an object, the line is valid JSON (RFC 8259, as V8 reads it) and each kept
 * key holds exactly the value JSON.parse gives it (duplicates: the last one
 * wins; `__proto__`: an own data property; escaped keys decoded). Whenever
 * the scanner is unsure it answers undefined and the caller runs JSON.parse,
 * which then decides, with its own error message for an invalid line. So
 * lines with a character below U+0020 anywhere (even JSON's tab, CR and LF
 * whitespace), nesting deeper than `MAX_SCAN_DEPTH`, a top-level value that
 * is not an object, or any syntax error all go to JSON.parse.
 */

/** Deeper skipped values are left to JSON.parse (and the recursion here stays small). */
export const MAX_SCAN_DEPTH = 64

const QUOTE = 34
const BACKSLASH = 92
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const COLON = 58
const COMMA = 44

/** Any C0 control character: never valid inside a JSON string, and outside only as whitespace (which sends the line to JSON.parse). */
const CONTROL = /[\u0000-\u001f]/

export interface SelectiveParse {
  /** The line's object with only the wanted keys it has, or undefined when JSON.parse must decide. */
  (line: string): Record<string, unknown> | undefined
  /** How many characters of the last accepted line were the kept values' text (to tell whether skipping pays). */
  readonly keptChars: () => number
}

/**
 * Prepares a scanner for a fixed set of top-level keys. Keys are matched by
 * length, then compared from their last character backwards (dotted keys
 * share prefixes such as `src.process.`, not suffixes), without building a
 * string for the keys nobody reads.
 */
export function selectiveParser(wanted: Iterable<string>): SelectiveParse {
  const keys = new Set(wanted)
  /** Candidates by a slot of length and last two characters: most keys nobody reads find an empty slot. */
  const slots: (string[] | undefined)[] = []
  for (const key of keys) (slots[slotOf(key, 0, key.length)] ??= []).push(key)

  /** The position of the next backslash at or after the last string start, or the line's length: per line. */
  let backslash = -1
  /** Whether the string just scanned held an escape (then its value is decoded by JSON.parse). */
  let escaped = false
  let kept = 0

  /** From just after an opening quote: the index of the closing quote, or -1 for an invalid string. */
  const stringEnd = (s: string, from: number): number => {
    const quote = s.indexOf('"', from)
    if (quote < 0) return -1
    if (backslash < from) {
      backslash = s.indexOf('\\', from)
      if (backslash < 0) backslash = s.length
    }
    if (backslash > quote) {
      escaped = false
      return quote
    }
    return escapedStringEnd(s, from)
  }

  /** The slow path for strings with escapes: each escape checked as JSON allows it. */
  const escapedStringEnd = (s: string, from: number): number => {
    escaped = true
    let i = from
    for (;;) {
      const c = s.charCodeAt(i)
      if (c === QUOTE) return i
      if (c === BACKSLASH) {
        const e = s.charCodeAt(i + 1)
        if (e === 117) {
          for (let h = i + 2; h < i + 6; h++) if (!isHexDigit(s.charCodeAt(h))) return -1
          i += 6
        } else if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) i += 2
        else return -1
        continue
      }
      // NaN past the end fails this test too. Control characters were ruled out for the whole line.
      if (!(c >= 32)) return -1
      i += 1
    }
  }

  /** Past a value that is not kept, checking its grammar: the index after it, or -1. */
  const skipValue = (s: string, i: number, depth: number): number => {
    const c = s.charCodeAt(i)
    if (c === QUOTE) {
      const end = stringEnd(s, i + 1)
      return end < 0 ? -1 : end + 1
    }
    if (c === OPEN_BRACE) {
      if (depth >= MAX_SCAN_DEPTH) return -1
      i = skipSpace(s, i + 1)
      if (s.charCodeAt(i) === CLOSE_BRACE) return i + 1
      for (;;) {
        if (s.charCodeAt(i) !== QUOTE) return -1
        const end = stringEnd(s, i + 1)
        if (end < 0) return -1
        i = skipSpace(s, end + 1)
        if (s.charCodeAt(i) !== COLON) return -1
        i = skipValue(s, skipSpace(s, i + 1), depth + 1)
        if (i < 0) return -1
        i = skipSpace(s, i)
        const d = s.charCodeAt(i)
        if (d === COMMA) i = skipSpace(s, i + 1)
        else return d === CLOSE_BRACE ? i + 1 : -1
      }
    }
    if (c === OPEN_BRACKET) {
      if (depth >= MAX_SCAN_DEPTH) return -1
      i = skipSpace(s, i + 1)
      if (s.charCodeAt(i) === CLOSE_BRACKET) return i + 1
      for (;;) {
        i = skipValue(s, i, depth + 1)
        if (i < 0) return -1
        i = skipSpace(s, i)
        const d = s.charCodeAt(i)
        if (d === COMMA) i = skipSpace(s, i + 1)
        else return d === CLOSE_BRACKET ? i + 1 : -1
      }
    }
    if (c === 116) return s.startsWith('true', i) ? i + 4 : -1
    if (c === 102) return s.startsWith('false', i) ? i + 5 : -1
    if (c === 110) return s.startsWith('null', i) ? i + 4 : -1
    return numberEnd(s, i)
  }

  /** The key that starts after the quote at `start` and ends at `end`, when it is wanted. */
  const wantedKey = (s: string, start: number, end: number): string | undefined => {
    if (escaped) {
      const key = JSON.parse(s.slice(start - 1, end + 1)) as string
      return keys.has(key) ? key : undefined
    }
    const length = end - start
    const candidates = slots[slotOf(s, start, end)]
    if (candidates === undefined) return undefined
    for (let n = 0; n < candidates.length; n++) {
      const candidate = candidates[n]!
      if (candidate.length !== length) continue
      let j = length - 1
      while (j >= 0 && s.charCodeAt(start + j) === candidate.charCodeAt(j)) j -= 1
      if (j < 0) return candidate
    }
    return undefined
  }

  const parse = (s: string): Record<string, unknown> | undefined => {
    if (CONTROL.test(s)) return undefined
    backslash = -1
    kept = 0
    let i = skipSpace(s, 0)
    if (s.charCodeAt(i) !== OPEN_BRACE) return undefined
    const out: Record<string, unknown> = {}
    i = skipSpace(s, i + 1)
    if (s.charCodeAt(i) === CLOSE_BRACE) i += 1
    else {
      for (;;) {
        if (s.charCodeAt(i) !== QUOTE) return undefined
        const keyEnd = stringEnd(s, i + 1)
        if (keyEnd < 0) return undefined
        const key = wantedKey(s, i + 1, keyEnd)
        i = skipSpace(s, keyEnd + 1)
        if (s.charCodeAt(i) !== COLON) return undefined
        const start = skipSpace(s, i + 1)
        const c = s.charCodeAt(start)
        let value: unknown
        if (c === QUOTE) {
          const end = stringEnd(s, start + 1)
          if (end < 0) return undefined
          i = end + 1
          if (key !== undefined) value = escaped ? JSON.parse(s.slice(start, i)) : s.slice(start + 1, end)
        } else {
          i = skipValue(s, start, 1)
          if (i < 0) return undefined
          if (key !== undefined) value = c === 116 ? true : c === 102 ? false : c === 110 ? null : c === OPEN_BRACE || c === OPEN_BRACKET ? JSON.parse(s.slice(start, i)) : Number(s.slice(start, i))
        }
        if (key !== undefined) {
          kept += i - start
          // `out.__proto__ = v` would set the prototype; JSON.parse makes an own property.
          if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true })
          else out[key] = value
        }
        i = skipSpace(s, i)
        const d = s.charCodeAt(i)
        if (d === COMMA) i = skipSpace(s, i + 1)
        else if (d === CLOSE_BRACE) {
          i += 1
          break
        } else return undefined
      }
    }
    return skipSpace(s, i) === s.length ? out : undefined
  }
  return Object.assign(parse, { keptChars: () => kept })
}

const SLOTS = 4096

/** The slot of the key `s.slice(start, end)`: its length and last two characters, hashed (empty keys: slot 0). */
function slotOf(s: string, start: number, end: number): number {
  const length = end - start
  if (length === 0) return 0
  const last = s.charCodeAt(end - 1)
  const before = length > 1 ? s.charCodeAt(end - 2) : 0
  return (length * 977 + last * 31 + before) & (SLOTS - 1)
}

/** Past JSON whitespace (the line has no tab, CR or LF: only spaces remain). */
function skipSpace(s: string, i: number): number {
  while (s.charCodeAt(i) === 32) i += 1
  return i
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
}

/** Past a JSON number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`), or -1. */
function numberEnd(s: string, i: number): number {
  let c = s.charCodeAt(i)
  if (c === 45) c = s.charCodeAt(++i)
  if (c === 48) c = s.charCodeAt(++i)
  else if (isDigit(c)) {
    do c = s.charCodeAt(++i)
    while (isDigit(c))
  } else return -1
  if (c === 46) {
    c = s.charCodeAt(++i)
    if (!isDigit(c)) return -1
    do c = s.charCodeAt(++i)
    while (isDigit(c))
  }
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++i)
    if (c === 43 || c === 45) c = s.charCodeAt(++i)
    if (!isDigit(c)) return -1
    do c = s.charCodeAt(++i)
    while (isDigit(c))
  }
  return i
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}
