/**
 * Building blocks for generated code. As in ajv, values never go into the
 * generated source as text: constants (coercers, readers, field metadata)
 * are passed in as parameters and indexed; only property names become string
 * literals, and only after checking that the literal reads back as exactly
 * that name.
 */

/** A JavaScript string literal for a property name, or undefined when it cannot be written safely. */
export function propertyLiteral(name: string): string | undefined {
  // U+2028/U+2029 are legal in string literals since ES2019, but refusing them costs nothing.
  if (/[\u2028\u2029]/.test(name)) return undefined
  const literal = JSON.stringify(name)
  return JSON.parse(literal) === name ? literal : undefined
}

/** A non-negative array index as source text, or undefined. */
export function indexLiteral(index: number): string | undefined {
  return Number.isSafeInteger(index) && index >= 0 ? String(index) : undefined
}
