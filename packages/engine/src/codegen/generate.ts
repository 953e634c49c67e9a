import { Code, Name } from './code.js'

/** A constant the generated code receives as a parameter, under a checked name. */
export type Parameter = readonly [name: Name, value: unknown]

/**
 * Turns generated code into a function: `body` runs once with the
 * parameters (constants that are not scalars: coercers, readers, helpers)
 * and returns the function. Undefined where code generation is unavailable
 * (`--disallow-code-generation-from-strings`, a CSP): callers then fall back
 * to the interpreter, which is always correct.
 */
export function generateFunction<T>(parameters: readonly Parameter[], body: Code): T | undefined {
  for (const [parameter] of parameters) if (!(parameter instanceof Name)) throw new TypeError('Unexpected parameter name, expected a Name from name()')
  if (!(body instanceof Code)) throw new TypeError('Unexpected body, expected Code from the code builder')
  const source = `'use strict';\n${body.toString()}`
  let factory: (...args: unknown[]) => T
  try {
    factory = new Function(...parameters.map(([parameter]) => parameter.toString()), source) as (...args: unknown[]) => T
  } catch (error) {
    if (error instanceof EvalError) return undefined
    throw error
  }
  return factory(...parameters.map(([, value]) => value))
}
