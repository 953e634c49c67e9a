/**
 * The code builder for generated functions, in the manner of ajv's codegen:
 * generated source is a `Code` value, and the only ways to make one are
 *
 * - the `_` template tag, whose literal text is written in this code base and
 *   whose interpolated values are either `Code` or JSON scalars, which are
 *   always written as literals (quoted strings, finite numbers, booleans, null);
 * - `name()`, which checks an identifier against a safe pattern;
 * - `joinCode()`, which joins `Code` values.
 *
 * So no text from an IR or an event can reach generated source except as a
 * quoted literal, whatever a call site does: that is a property of the types
 * (and checked at run time: a forged `Code` is refused), not a convention.
 * Constants that are not scalars (coercers, readers, issue builders) are passed
 * to the generated function as parameters, by `generateFunction`.
 */

const TOKEN = Symbol('Code')

/** A piece of generated JavaScript source. */
export class Code {
  readonly #source: string
  /** Use `_`, `name()` or `joinCode()`: the token is private to this module. */
  constructor(token: symbol, source: string) {
    if (token !== TOKEN) throw new TypeError('Unexpected Code made outside the code builder, expected `_`, `name()` or `joinCode()`')
    this.#source = source
  }
  toString(): string {
    return this.#source
  }
}

/** An identifier checked by `name()`: the only Code a generated function's parameters may be. */
export class Name extends Code {}

/** What `_` accepts between its literal parts. */
export type Interpolable = Code | string | number | boolean | null

/** Identifiers: ASCII letters, digits, `$` and `_`, not starting with a digit (ajv's pattern, any case). */
const IDENTIFIER = /^[A-Za-z$_][A-Za-z$_0-9]*$/

/** Words that match the pattern but are not usable as a parameter name in strict mode. */
const RESERVED = new Set(
  (
    'arguments await break case catch class const continue debugger default delete do else enum eval export extends ' +
    'false finally for function if implements import in instanceof interface let new null package private protected ' +
    'public return static super switch this throw true try typeof var void while with yield undefined NaN Infinity'
  ).split(' '),
)

/** An identifier, or a TypeError when the text is not a safe one. */
export function name(text: string): Name {
  if (typeof text !== 'string' || !IDENTIFIER.test(text) || RESERVED.has(text)) {
    throw new TypeError(`Unexpected identifier ${JSON.stringify(text)} in generated code, expected ${IDENTIFIER} and not a reserved word`)
  }
  return new Name(TOKEN, text)
}

/**
 * A value as JavaScript literal source. Strings go through JSON.stringify,
 * which escapes quotes, backslashes, control characters and lone surrogates;
 * the result is checked to read back as the same string. Numbers must be
 * finite (negative ones are parenthesised, so `x - ${-1}` stays `x - (-1)`).
 */
export function literal(value: string | number | boolean | null): string {
  switch (typeof value) {
    case 'string': {
      const text = JSON.stringify(value)
      if (JSON.parse(text) !== value) throw new TypeError('Unexpected string that does not read back as itself')
      return text
    }
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Unexpected number ${String(value)} in generated code, expected a finite number`)
      return value < 0 || Object.is(value, -0) ? `(${Object.is(value, -0) ? '-0' : String(value)})` : String(value)
    case 'boolean':
      return value ? 'true' : 'false'
    default:
      if (value === null) return 'null'
      throw new TypeError(`Unexpected ${typeof value} in generated code, expected Code, a string, a number, a boolean or null`)
  }
}

function interpolate(value: Interpolable): string {
  return value instanceof Code ? value.toString() : literal(value)
}

/** The template tag: literal parts are code, interpolated values are Code or scalars written as literals. */
export function _(strings: TemplateStringsArray, ...values: Interpolable[]): Code {
  // A real template object is frozen and carries `raw`; a hand-made array is refused.
  if (!Object.isFrozen(strings) || !Array.isArray(strings.raw) || strings.length !== values.length + 1) {
    throw new TypeError('Unexpected call of `_`, expected it as a template tag')
  }
  let source = strings[0]!
  for (const [index, value] of values.entries()) source += interpolate(value) + strings[index + 1]!
  return new Code(TOKEN, source)
}

/** Code values joined by new lines. */
export function joinCode(parts: readonly Code[]): Code {
  for (const part of parts) if (!(part instanceof Code)) throw new TypeError('Unexpected non-Code in joinCode')
  return new Code(TOKEN, parts.join('\n'))
}

/** A non-negative safe integer (an array index), or undefined: the caller then falls back to the interpreter. */
export function arrayIndex(index: number): number | undefined {
  return Number.isSafeInteger(index) && index >= 0 ? index : undefined
}
