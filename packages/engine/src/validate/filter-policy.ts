/**
 * Defence in depth for JSONPath filters (`?(...)`). The compiler admits only a
 * small expression grammar, but an IR can be written by hand, so the engine
 * checks every filter again before jsonpath-plus sees it:
 *
 *   expr    := and ('||' and)* ;  and := unary ('&&' unary)*
 *   unary   := '!' unary | operand (compare operand)?
 *   operand := '(' expr ')' | '@' member* | string | number | true | false | null
 *   member  := '.' name | '[' string ']' | '[' digits ']'
 *
 * No calls, no identifiers other than `@`, no `@root`/`@path`/`@parent`,
 * no `constructor`/`prototype`/`__...` members, no `@`, `$` or backtick inside
 * strings (jsonpath-plus rewrites those even there).
 */

const COMPARE = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>='])
const PUNCTUATION = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.']
const FORBIDDEN_MEMBER = /^(?:constructor|prototype|__.*)$/
const MAX_FILTER_LENGTH = 1000
const MAX_NESTING = 32

type Token = { kind: 'at' | 'punct' | 'name' | 'string' | 'number' | 'end'; text: string }

export class FilterPolicyError extends Error {
  override readonly name = 'FilterPolicyError'
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const char = source[i]!
    if (char === ' ' || char === '\t') {
      i++
    } else if (char === '@') {
      if (/[A-Za-z_$]/.test(source[i + 1] ?? '')) throw new FilterPolicyError(`Unexpected \`@${/^\w*/.exec(source.slice(i + 1))?.[0] ?? ''}\` in a filter, expected \`@\` followed by \`.\` or \`[\``)
      tokens.push({ kind: 'at', text: '@' })
      i++
    } else if (char === "'" || char === '"') {
      let j = i + 1
      let value = ''
      while (j < source.length && source[j] !== char) {
        if (source[j] === '\\') {
          const escaped = source[j + 1]
          if (escaped !== "'" && escaped !== '"' && escaped !== '\\') throw new FilterPolicyError('Unexpected escape in a filter string, expected only \\\', \\" or \\\\')
          value += escaped
          j += 2
        } else {
          value += source[j]
          j++
        }
      }
      if (j >= source.length) throw new FilterPolicyError('Unexpected end of a filter string, expected a closing quote')
      if (/[@$`]/.test(value)) throw new FilterPolicyError('Unexpected `@`, `$` or backtick in a filter string, expected plain text')
      tokens.push({ kind: 'string', text: value })
      i = j + 1
    } else {
      const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(source.slice(i))
      const name = /^[A-Za-z_$][\w$]*/.exec(source.slice(i))
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i))
      if (number !== null && (char !== '-' || /\d/.test(source[i + 1] ?? ''))) {
        tokens.push({ kind: 'number', text: number[0] })
        i += number[0].length
      } else if (name !== null) {
        tokens.push({ kind: 'name', text: name[0] })
        i += name[0].length
      } else if (punct !== undefined) {
        tokens.push({ kind: 'punct', text: punct })
        i += punct.length
      } else {
        throw new FilterPolicyError(`Unexpected \`${char}\` in a filter, expected a path, a literal or a comparison`)
      }
    }
  }
  tokens.push({ kind: 'end', text: '' })
  return tokens
}

/** Throws a FilterPolicyError unless `source` (the text inside `?(...)`) is in the admitted grammar. */
export function checkFilter(source: string): void {
  if (source.length > MAX_FILTER_LENGTH) throw new FilterPolicyError(`Unexpected filter longer than ${MAX_FILTER_LENGTH} characters`)
  const tokens = tokenize(source)
  let at = 0
  const peek = (): Token => tokens[at]!
  const take = (): Token => tokens[Math.min(at++, tokens.length - 1)]!
  const isPunct = (text: string): boolean => peek().kind === 'punct' && peek().text === text
  const fail = (expected: string): never => {
    const token = peek()
    throw new FilterPolicyError(`Unexpected ${token.kind === 'end' ? 'end of filter' : `\`${token.text}\``} in a filter, expected ${expected}`)
  }

  const expression = (depth: number): void => {
    if (depth > MAX_NESTING) fail(`nesting of at most ${MAX_NESTING}`)
    conjunction(depth)
    while (isPunct('||')) {
      take()
      conjunction(depth)
    }
  }
  const conjunction = (depth: number): void => {
    unary(depth)
    while (isPunct('&&')) {
      take()
      unary(depth)
    }
  }
  const unary = (depth: number): void => {
    if (isPunct('!')) {
      take()
      unary(depth + 1)
      return
    }
    operand(depth)
    if (peek().kind === 'punct' && COMPARE.has(peek().text)) {
      take()
      operand(depth)
    }
  }
  const operand = (depth: number): void => {
    const token = peek()
    if (token.kind === 'punct' && token.text === '(') {
      take()
      expression(depth + 1)
      if (!isPunct(')')) fail('`)`')
      take()
    } else if (token.kind === 'at') {
      take()
      members()
    } else if (token.kind === 'string' || token.kind === 'number') {
      take()
    } else if (token.kind === 'name' && (token.text === 'true' || token.text === 'false' || token.text === 'null')) {
      take()
    } else {
      fail('`@`, a literal or `(`')
    }
  }
  const members = (): void => {
    for (;;) {
      if (isPunct('.')) {
        take()
        const name = take()
        if (name.kind !== 'name') fail('a member name')
        member(name.text)
      } else if (isPunct('[')) {
        take()
        const key = take()
        if (key.kind === 'string') member(key.text)
        else if (key.kind !== 'number' || !/^\d+$/.test(key.text)) fail('a quoted name or an index')
        if (!isPunct(']')) fail('`]`')
        take()
      } else {
        if (isPunct('(')) fail('no call')
        return
      }
    }
  }
  const member = (name: string): void => {
    if (FORBIDDEN_MEMBER.test(name)) throw new FilterPolicyError(`Unexpected member \`${name}\` in a filter, expected a data field`)
  }

  expression(0)
  if (peek().kind !== 'end') fail('an operator or the end of the filter')
}

/**
 * Finds every script part of a JSONPath expression and checks it. Filters
 * `?(...)` are checked with `checkFilter`; bare script expressions `(...)`
 * are refused outright. Returns whether the expression has filters (so that
 * the caller knows whether jsonpath-plus needs its safe evaluator at all).
 */
export function checkJsonPathScripts(expression: string): { hasFilters: boolean } {
  let hasFilters = false
  let i = 0
  let quote: string | undefined
  while (i < expression.length) {
    const char = expression[i]!
    if (quote !== undefined) {
      if (char === '\\') i++
      else if (char === quote) quote = undefined
      i++
      continue
    }
    if (char === "'" || char === '"') {
      quote = char
      i++
      continue
    }
    if (char === '(') {
      if (expression[i - 1] !== '?') throw new FilterPolicyError('Unexpected script expression `(...)` in a JSONPath, expected only filters `?(...)`')
      const end = closingParenthesis(expression, i)
      checkFilter(expression.slice(i + 1, end))
      hasFilters = true
      i = end + 1
      continue
    }
    i++
  }
  return { hasFilters }
}

function closingParenthesis(text: string, open: number): number {
  let depth = 0
  let quote: string | undefined
  for (let i = open; i < text.length; i++) {
    const char = text[i]!
    if (quote !== undefined) {
      if (char === '\\') i++
      else if (char === quote) quote = undefined
    } else if (char === "'" || char === '"') quote = char
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return i
  }
  throw new FilterPolicyError('Unexpected end of a JSONPath filter, expected `)`')
}
