import type { PathIR } from '@mapdown/ir'
import { UNSUPPORTED_MARKER } from '../coerce/absent.js'
import { _, arrayIndex, joinCode, type Code } from './code.js'

type SimplePath = Exclude<PathIR, { kind: 'jsonpath' }>

/**
 * Code that reads a simple path from `e` (a plain, non-array object) into
 * `v`, with the interpreter's semantics (`interpret/lookup.ts`): own keys
 * only, arrays by index only, functions found are nothing. Keys are written
 * as literals by the code builder, whatever they hold. A walk that runs into a
 * value it cannot step into (`BlockedPath`, see `lookupFieldValue`) also sets
 * `s` to the depth of the block and `b` to the value found there; callers
 * that care set `s = -1` first.
 *
 * Free names used: `e`, `v`, `s`, `b`, `isArray`, `hasOwn`. Undefined when an
 * index is not a safe integer or the path is deeper than
 * `MAX_GENERATED_SEGMENTS` (the caller then falls back to the interpreter).
 */
export function simplePathCode(path: SimplePath): Code | undefined {
  switch (path.kind) {
    case 'nested':
      return segmentsCode(path.segments)
    case 'flat':
      return segmentsCode([path.key])
    case 'either': {
      const nested = segmentsCode(path.segments)
      const flat = segmentsCode([path.key])
      return nested === undefined || flat === undefined ? undefined : _`${nested}\nif (v === undefined) {\n${flat}\n}`
    }
  }
}

/**
 * Paths deeper than this are not generated: the caller falls back to the
 * interpreter. Real paths have a handful of segments; unrolling a hostile
 * one (a 900 KB Field Name of 450,000 segments) would hand V8 megabytes of
 * source to parse and compile for no gain.
 */
export const MAX_GENERATED_SEGMENTS = 64

function segmentsCode(segments: readonly (string | number)[]): Code | undefined {
  if (segments.length > MAX_GENERATED_SEGMENTS) return undefined
  const lines = [_`v = e;`]
  for (const [depth, segment] of segments.entries()) {
    const step = typeof segment === 'number' ? indexStep(segment, depth) : keyStep(segment, depth)
    if (step === undefined) return undefined
    lines.push(step)
  }
  lines.push(_`if (typeof v === 'function') v = undefined;`)
  return joinCode(lines)
}

/** An own key of a non-array object; anything else gives undefined (and an array or a scalar is a block). */
function keyStep(key: string, depth: number): Code {
  return _`if (v !== undefined) {
if (typeof v === 'object' && v !== null && !isArray(v)) v = hasOwn(v, ${key}) ? v[${key}] : undefined;
else ${blockAt(depth)}
}`
}

/** An index of an array, or the key "n" of an object (and a scalar is a block). */
function indexStep(segment: number, depth: number): Code | undefined {
  const index = arrayIndex(segment)
  if (index === undefined) return undefined
  const key = String(index)
  return _`if (v !== undefined) {
if (typeof v === 'object' && v !== null) v = isArray(v) ? (${index} < v.length ? v[${index}] : undefined) : hasOwn(v, ${key}) ? v[${key}] : undefined;
else ${blockAt(depth)}
}`
}

/** `v` could not be stepped into: null, `E_UNSUPPORTED` and functions are absent, anything else blocks the path here. */
function blockAt(depth: number): Code {
  return _`{ if (v !== null && v !== ${UNSUPPORTED_MARKER} && typeof v !== 'function') { b = v; s = ${depth}; } v = undefined; }`
}
