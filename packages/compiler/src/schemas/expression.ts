import { DERIVATIONS, type Derivation, type ValueIR } from '@mapdown/ir'

/** A Standard Name cell, parsed: a standard name, or a derivation over such cells. */
export type Expression = { readonly kind: 'name'; readonly name: string } | { readonly kind: 'call'; readonly fn: Derivation; readonly args: readonly Expression[] }

/** Why a cell is not an expression, for `schema-derivation-invalid`. */
export type ExpressionProblem =
  | { readonly kind: 'syntax'; readonly found: string; readonly offset: number; readonly expected: string }
  | { readonly kind: 'unknown'; readonly name: string }
  | { readonly kind: 'arity'; readonly name: string; readonly count: number; readonly expected: string }

const NAME = /[A-Za-z_@][\w.@-]*/y
const SPACE = /\s*/y

/**
 * The grammar of a Standard Name cell, closed and tiny (never evaluated):
 *   expression := name | derivation "(" expression ("," expression)* ")"
 * where a derivation is one of `DERIVATIONS` and a name is a standard name.
 */
export function parseExpression(text: string): Expression | ExpressionProblem {
  let at = 0
  const skip = (): void => {
    SPACE.lastIndex = at
    SPACE.exec(text)
    at = SPACE.lastIndex
  }
  const problem = (expected: string): ExpressionProblem => ({ kind: 'syntax', found: at >= text.length ? 'end' : text[at]!, offset: at + 1, expected })
  const expression = (): Expression | ExpressionProblem => {
    skip()
    NAME.lastIndex = at
    const match = NAME.exec(text)
    if (!match) return problem('a standard name or a derivation')
    at = NAME.lastIndex
    skip()
    if (text[at] !== '(') return { kind: 'name', name: match[0] }
    const name = match[0]
    if (!Object.hasOwn(DERIVATIONS, name)) return { kind: 'unknown', name }
    const fn = name as Derivation
    at += 1
    const args: Expression[] = []
    for (;;) {
      const arg = expression()
      if (isProblem(arg)) return arg
      args.push(arg)
      skip()
      if (text[at] === ',') {
        at += 1
        continue
      }
      if (text[at] === ')') {
        at += 1
        break
      }
      return problem('`,` or `)`')
    }
    const arity = DERIVATIONS[fn]
    if (args.length < arity.min || (arity.max !== undefined && args.length > arity.max)) {
      return { kind: 'arity', name: fn, count: args.length, expected: arity.max === arity.min ? `${arity.min}` : `at least ${arity.min}` }
    }
    return { kind: 'call', fn, args }
  }
  const result = expression()
  if (isProblem(result)) return result
  skip()
  if (at < text.length) return problem('the end of the cell')
  return result
}

export function isProblem(value: Expression | ExpressionProblem): value is ExpressionProblem {
  return value.kind === 'syntax' || value.kind === 'unknown' || value.kind === 'arity'
}

/** The standard names an expression reads, in order. */
export function namesOf(expression: Expression): string[] {
  return expression.kind === 'name' ? [expression.name] : expression.args.flatMap(namesOf)
}

/** One spelling per expression (`unique(a, b)`), so that an override replaces a row however it was spaced. */
export function expressionText(expression: Expression): string {
  return expression.kind === 'name' ? expression.name : `${expression.fn}(${expression.args.map(expressionText).join(', ')})`
}

/**
 * The expression for one dictionary, as IR, or undefined when it cannot apply:
 * a name the dictionary lacks. `coalesce` and `unique` keep the arguments the
 * dictionary can fill (and apply while one is left), so that one shared row serves
 * dictionaries with different subsets of its names.
 */
export function expressionFor(expression: Expression, fields: ReadonlySet<string>): ValueIR | undefined {
  if (expression.kind === 'name') return fields.has(expression.name) ? { kind: 'field', name: expression.name } : undefined
  const args = expression.args.map((arg) => expressionFor(arg, fields))
  if (expression.fn === 'coalesce' || expression.fn === 'unique') {
    const kept = args.filter((arg): arg is ValueIR => arg !== undefined)
    return kept.length === 0 ? undefined : { kind: 'derive', fn: expression.fn, args: kept }
  }
  if (args.some((arg) => arg === undefined)) return undefined
  return { kind: 'derive', fn: expression.fn, args: args as ValueIR[] }
}
