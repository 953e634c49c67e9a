import type { PathIR } from '@mapdown/ir'
import { indexLiteral, propertyLiteral } from './source.js'

type SimplePath = Exclude<PathIR, { kind: 'jsonpath' }>

/**
 * Source text that reads a simple path from `e` (a plain, non-array object)
 * into `v`, with the interpreter's semantics (`interpret/lookup.ts`): own
 * keys only, arrays by index only, functions found are nothing.
 *
 * Free names used: `e`, `v`, `isArray`, `hasOwn`. Returns undefined when a
 * segment cannot be written as a literal (the caller then falls back).
 */
export function simplePathSource(path: SimplePath): string | undefined {
  switch (path.kind) {
    case 'nested':
      return segmentsSource(path.segments)
    case 'flat':
      return segmentsSource([path.key])
    case 'either': {
      const nested = segmentsSource(path.segments)
      const flat = segmentsSource([path.key])
      return nested === undefined || flat === undefined ? undefined : `${nested}\nif (v === undefined) {\n${flat}\n}`
    }
  }
}

function segmentsSource(segments: readonly (string | number)[]): string | undefined {
  const lines = ['v = e;']
  for (const segment of segments) {
    const step = typeof segment === 'number' ? indexStep(segment) : keyStep(segment)
    if (step === undefined) return undefined
    lines.push(step)
  }
  lines.push("if (typeof v === 'function') v = undefined;")
  return lines.join('\n')
}

/** An own key of a non-array object; anything else gives undefined. */
function keyStep(key: string): string | undefined {
  const literal = propertyLiteral(key)
  if (literal === undefined) return undefined
  return `v = typeof v === 'object' && v !== null && !isArray(v) && hasOwn(v, ${literal}) ? v[${literal}] : undefined;`
}

/** An index of an array, or the key "n" of an object. */
function indexStep(index: number): string | undefined {
  const literal = indexLiteral(index)
  if (literal === undefined) return undefined
  const key = JSON.stringify(literal)
  return (
    `v = typeof v !== 'object' || v === null ? undefined : isArray(v) ? (${literal} < v.length ? v[${literal}] : undefined) ` +
    `: hasOwn(v, ${key}) ? v[${key}] : undefined;`
  )
}
