/**
 * Turns generated source into a function, or undefined where code generation
 * is unavailable (e.g. `--disallow-code-generation-from-strings`): callers
 * then fall back to the interpreter, which is always correct.
 */
export function generateFunction<T>(parameterNames: readonly string[], body: string, parameters: readonly unknown[]): T | undefined {
  let factory: (...args: unknown[]) => T
  try {
    factory = new Function(...parameterNames, `'use strict';\n${body}`) as (...args: unknown[]) => T
  } catch (error) {
    if (error instanceof EvalError) return undefined
    throw error
  }
  return factory(...parameters)
}
