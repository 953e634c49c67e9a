/**
 * The only JSONPath filter expressions (`?(...)`) a dictionary may use.
 *
 * jsonpath-plus evaluates filters as JavaScript. Dictionaries come from pull
 * requests, so a filter is parsed with this small grammar and printed back in
 * canonical form; anything outside it (calls, identifiers other than `@`,
 * `constructor`, template strings, assignments...) is rejected before any
 * JSONPath library sees it.
 *
 *   expr       := or
 *   or         := and ('||' and)*
 *   and        := unary ('&&' unary)*
 *   unary      := '!' unary | comparison
 *   comparison := operand (('==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>=') operand)?
 *   operand    := '(' expr ')' | path | literal
 *   path       := '@' ('.' name | '[' string ']' | '[' integer ']')*
 *   literal    := string | number | 'true' | 'false' | 'null'
 */

export class FilterSyntaxError extends Error {
  override readonly name = 'FilterSyntaxError'
  /** Offset in the filter expression. */
  readonly offset: number
  /** True when the expression tried something dangerous, not merely malformed. */
  readonly unsafe: boolean
  constructor(message: string, offset: number, unsafe: boolean) {
    super(message)
    this.offset = offset
    this.unsafe = unsafe
  }
}

/** Member names that lead from data to functions and prototypes. */
const FORBIDDEN_MEMBERS = new Set(['constructor', '__proto__', 'prototype'])
const MAX_LENGTH = 1000
const MAX_DEPTH = 32
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

type Token =
  | { type: 'at'; offset: number }
  | { type: 'punct'; value: string; offset: number }
  | { type: 'name'; value: string; offset: number }
  | { type: 'string'; value: string; offset: number }
  | { type: 'number'; value: string; offset: number }
  | { type: 'end'; offset: number }

const PUNCTUATION = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.']

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let index = 0
  while (index < source.length) {
    const char = source[index] ?? ''
    if (char === ' ' || char === '\t') {
      index++
      continue
    }
    if (char === '@') {
      // `@root`, `@parent`, `@path`... are jsonpath-plus's script variables, not data.
      const variable = /^@[A-Za-z_$][\w$]*/.exec(source.slice(index, index + 64))
      if (variable !== null) {
        throw new FilterSyntaxError(`Unexpected \`${variable[0]}\` in filter expression, expected \`@\` followed by \`.\` or \`[\``, index, true)
      }
      tokens.push({ type: 'at', offset: index })
      index++
      continue
    }
    if (char === "'" || char === '"') {
      const start = index
      let value = ''
      index++
      for (;;) {
        const current = source[index]
        if (current === undefined) throw new FilterSyntaxError('Unexpected end of filter in a string, expected a closing quote', start, false)
        if (current === '\\') {
          const escaped = source[index + 1]
          if (escaped === undefined || !`'"\\`.includes(escaped)) {
            throw new FilterSyntaxError(`Unexpected escape \`\\${escaped ?? ''}\` in a filter string, expected \`\\'\`, \`\\"\` or \`\\\\\``, index, true)
          }
          value += escaped
          index += 2
          continue
        }
        if (current === char) break
        value += current
        index++
      }
      index++
      // jsonpath-plus rewrites `@` and `$` anywhere in a filter, string literals included.
      if (/[@$`]/.test(value)) throw new FilterSyntaxError('Unexpected `@`, `$` or backtick in a filter string, expected plain text', start, false)
      tokens.push({ type: 'string', value, offset: start })
      continue
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(source.slice(index))
    if (number && /[0-9]/.test(char + (source[index + 1] ?? ''))) {
      tokens.push({ type: 'number', value: number[0], offset: index })
      index += number[0].length
      continue
    }
    const name = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(index))
    if (name) {
      tokens.push({ type: 'name', value: name[0], offset: index })
      index += name[0].length
      continue
    }
    const punct = PUNCTUATION.find((candidate) => source.startsWith(candidate, index))
    if (punct) {
      tokens.push({ type: 'punct', value: punct, offset: index })
      index += punct.length
      continue
    }
    throw new FilterSyntaxError(`Unexpected \`${char}\` in filter expression, expected a path, a literal or an operator`, index, char === '`' || char === '=' || char === ';' || char === ',')
  }
  tokens.push({ type: 'end', offset: source.length })
  return tokens
}

/** Parses a filter expression (the text between `?(` and `)`) and returns it in canonical form. */
export function canonicalFilter(source: string): string {
  if (source.length > MAX_LENGTH) throw new FilterSyntaxError(`Unexpected filter longer than ${MAX_LENGTH} characters`, 0, false)
  const tokens = tokenize(source)
  let position = 0
  const peek = (): Token => tokens[position] ?? { type: 'end', offset: source.length }
  const next = (): Token => tokens[position++] ?? { type: 'end', offset: source.length }
  const isPunct = (value: string): boolean => {
    const token = peek()
    return token.type === 'punct' && token.value === value
  }
  const expectPunct = (value: string): void => {
    const token = next()
    if (token.type !== 'punct' || token.value !== value) throw new FilterSyntaxError(`Unexpected ${describe(token)} in filter expression, expected \`${value}\``, token.offset, false)
  }

  const or = (depth: number): string => {
    if (depth > MAX_DEPTH) throw new FilterSyntaxError(`Unexpected nesting deeper than ${MAX_DEPTH} in filter expression`, peek().offset, false)
    let out = and(depth)
    while (isPunct('||')) {
      next()
      out += ' || ' + and(depth)
    }
    return out
  }
  const and = (depth: number): string => {
    let out = unary(depth)
    while (isPunct('&&')) {
      next()
      out += ' && ' + unary(depth)
    }
    return out
  }
  const unary = (depth: number): string => {
    if (isPunct('!')) {
      next()
      return '!' + unary(depth + 1)
    }
    const left = operand(depth)
    const token = peek()
    if (token.type === 'punct' && ['==', '!=', '===', '!==', '<', '<=', '>', '>='].includes(token.value)) {
      next()
      return `${left} ${token.value} ${operand(depth)}`
    }
    return left
  }
  const operand = (depth: number): string => {
    const token = next()
    if (token.type === 'punct' && token.value === '(') {
      const inner = or(depth + 1)
      expectPunct(')')
      return `(${inner})`
    }
    if (token.type === 'at') return path()
    if (token.type === 'string') return `'${token.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
    if (token.type === 'number') return token.value
    if (token.type === 'name') {
      if (token.value === 'true' || token.value === 'false' || token.value === 'null') return token.value
      throw new FilterSyntaxError(`Unexpected identifier \`${token.value}\` in filter expression, expected \`@\` or a literal`, token.offset, true)
    }
    throw new FilterSyntaxError(`Unexpected ${describe(token)} in filter expression, expected \`@\`, a literal or \`(\``, token.offset, false)
  }
  const member = (name: string, offset: number): string => {
    if (FORBIDDEN_MEMBERS.has(name) || name.startsWith('__')) {
      throw new FilterSyntaxError(`Unexpected member \`${name}\` in filter expression, expected a data field`, offset, true)
    }
    return IDENTIFIER.test(name) ? `.${name}` : `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`
  }
  const path = (): string => {
    let out = '@'
    for (;;) {
      if (isPunct('.')) {
        next()
        const token = next()
        if (token.type !== 'name') throw new FilterSyntaxError(`Unexpected ${describe(token)} after \`.\` in filter expression, expected a name`, token.offset, false)
        out += member(token.value, token.offset)
        continue
      }
      if (isPunct('[')) {
        next()
        const token = next()
        if (token.type === 'string') out += member(token.value, token.offset)
        else if (token.type === 'number' && /^\d+$/.test(token.value)) out += `[${token.value}]`
        else throw new FilterSyntaxError(`Unexpected ${describe(token)} in filter brackets, expected a quoted name or an index`, token.offset, false)
        expectPunct(']')
        continue
      }
      if (peek().type === 'punct' && isPunct('(')) {
        throw new FilterSyntaxError('Unexpected call in filter expression, expected a path or a literal', peek().offset, true)
      }
      return out
    }
  }

  const result = or(0)
  const last = peek()
  if (last.type !== 'end') {
    const unsafe = last.type === 'punct' && last.value === '('
    throw new FilterSyntaxError(
      unsafe ? 'Unexpected call in filter expression, expected a path or a literal' : `Unexpected ${describe(last)} in filter expression, expected an operator or the end`,
      last.offset,
      unsafe,
    )
  }
  return result
}

function describe(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'end of filter'
    case 'at':
      return '`@`'
    case 'string':
      return 'string'
    default:
      return `\`${token.value}\``
  }
}
