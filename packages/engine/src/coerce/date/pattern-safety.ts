import { luxonDateTime } from './luxon.js'

/**
 * Which Luxon date patterns are safe to run on untrusted text.
 *
 * Luxon parses `fromFormat` with one regular expression built from the
 * pattern. Two variable-width number fields with nothing between them that
 * cannot be a digit (`Hm`, `yu`, `d1M`) make that expression ambiguous, and
 * a chain of them backtracks exponentially: 24 such fields and a 37-character
 * value took 1.5 s, 30 fields would take minutes, per event. Such a pattern
 * is ambiguous anyway (`Hm` on `123` is 1:23 or 12:3), so it is refused.
 *
 * A field is variable-width when its expression repeats digits a variable
 * number of times (`\d{1,2}`, `\d{2,4}`, an optional part); a separator is
 * anything that cannot match a digit (`-`, `:`, `'T'`, month names, `a`).
 * With a separator between every two variable fields, each field's end is
 * pinned by the next separator and matching is linear.
 */

/** Longer patterns are refused outright: no real date format needs this many characters. */
export const MAX_DATE_PATTERN_LENGTH = 100

const tokenSources = new Map<string, string | undefined>()
const verdicts = new Map<string, string | undefined>()
const MAX_REMEMBERED = 1000

/** Why `pattern` is refused, or undefined when it is safe. */
export function datePatternProblem(pattern: string): string | undefined {
  if (verdicts.has(pattern)) return verdicts.get(pattern)
  const verdict = judge(pattern)
  if (verdicts.size >= MAX_REMEMBERED) verdicts.clear()
  verdicts.set(pattern, verdict)
  return verdict
}

function judge(pattern: string): string | undefined {
  if (pattern.length > MAX_DATE_PATTERN_LENGTH) {
    return `a pattern of ${pattern.length} characters, expected at most ${MAX_DATE_PATTERN_LENGTH}`
  }
  const { tokens } = luxonDateTime().fromFormatExplain('', pattern) as { tokens?: { literal: boolean; val: string }[] }
  let previousVariable: string | undefined
  for (const token of tokens ?? []) {
    const kind = token.literal ? literalKind(token.val) : fieldKind(token.val)
    if (kind === 'separator') previousVariable = undefined
    else if (kind === 'variable') {
      if (previousVariable !== undefined) {
        return `the variable-width fields \`${previousVariable}\` and \`${token.val}\` have no separator between them (such as \`-\`, \`:\` or a space), which makes reading a value ambiguous and slow`
      }
      previousVariable = token.val
    }
  }
  return undefined
}

type TokenKind = 'separator' | 'variable' | 'fixed'

/** A quoted literal pins the fields around it when it holds a character that is not a digit. */
function literalKind(text: string): TokenKind {
  return /[^0-9]/.test(text) ? 'separator' : 'fixed'
}

/** A pattern letter (or an unquoted punctuation mark), judged by the expression Luxon builds for it alone. */
function fieldKind(token: string): TokenKind {
  let source = tokenSources.get(token)
  if (!tokenSources.has(token)) {
    source = (luxonDateTime().fromFormatExplain('', token) as { regex?: RegExp }).regex?.source
    tokenSources.set(token, source)
  }
  if (source === undefined) return 'fixed'
  if (!/\\d|[0-9]/.test(source)) return 'separator'
  const quantifiers = source.replace(/\(\?:/g, '(')
  return /\{(\d+),(?!\1\})\d*\}|[?*+]/.test(quantifiers) ? 'variable' : 'fixed'
}
