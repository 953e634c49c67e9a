import { canonicalFilter, FilterSyntaxError } from '@mapdown/engine'
import { JSONPath } from 'jsonpath-plus'

/**
 * A small JSONPath reader: `$`, `.name`, `['name']`, `[0]`, `*`, `..`,
 * slices, unions and whitelisted filters. Script expressions `[(...)]` are
 * refused outright: jsonpath-plus would run them as JavaScript.
 *
 * It is ours rather than jsonpath-plus's `toPathArray` because we need offsets
 * for diagnostics, a safety verdict, and a canonical form that jsonpath-plus
 * reads back the same way (its own `toPathString` does not round-trip `..` or filters).
 */

export type JsonPathSegment =
  | { type: 'name'; name: string }
  | { type: 'index'; index: number }
  | { type: 'wildcard' }
  | { type: 'descent' }
  | { type: 'slice'; text: string }
  | { type: 'union'; items: (string | number)[] }
  | { type: 'filter'; expression: string }

export class JsonPathError extends Error {
  override readonly name = 'JsonPathError'
  readonly offset: number
  readonly unsafe: boolean
  constructor(message: string, offset: number, unsafe = false) {
    super(message)
    this.offset = offset
    this.unsafe = unsafe
  }
}

const DOT_NAME = /^[^.[\]\s'"()?@$,*`\\]+/
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
const MAX_SEGMENTS = 64
/**
 * `[start:end:step]`, each part optional, blanks anywhere. Every part is a
 * number or a lone `-`, so no two `\s*` can match the same blanks: the old
 * `\s*-?\d*\s*` form backtracked cubically (`[` + 200 blanks + `:` ... took 15 s).
 */
const SLICE_PART = '(?:(?:-?\\d+|-)\\s*)?'
const SLICE = new RegExp(`^\\s*${SLICE_PART}:\\s*${SLICE_PART}(?::\\s*${SLICE_PART})?$`)

/**
 * Reads a JSONPath that starts with `$`. Throws JsonPathError with an offset in `source`.
 * `starts`, when given, receives the offset in `source` where each segment starts.
 */
export function readJsonPath(source: string, starts: number[] = []): JsonPathSegment[] {
  if (!source.startsWith('$')) throw new JsonPathError('Unexpected start of JSONPath, expected `$`', 0)
  const segments: JsonPathSegment[] = []
  let index = 1
  while (index < source.length) {
    if (segments.length > MAX_SEGMENTS) throw new JsonPathError(`Unexpected JSONPath with more than ${MAX_SEGMENTS} segments`, index)
    const char = source[index]
    starts.push(index)
    if (char === '.') {
      if (source[index + 1] === '.') {
        segments.push({ type: 'descent' })
        index += 2
        if (source[index] === '[') continue
        starts.push(index)
      } else {
        index++
      }
      if (source[index] === '*') {
        segments.push({ type: 'wildcard' })
        index++
        continue
      }
      const name = DOT_NAME.exec(source.slice(index))
      if (!name) throw new JsonPathError(`Unexpected ${shown(source, index)} after \`.\` in JSONPath, expected a name`, index, isScriptStart(source, index))
      segments.push({ type: 'name', name: name[0] })
      index += name[0].length
      continue
    }
    if (char === '[') {
      index = readBracket(source, index, segments)
      continue
    }
    throw new JsonPathError(`Unexpected ${shown(source, index)} in JSONPath, expected \`.\` or \`[\``, index, isScriptStart(source, index))
  }
  if (segments[segments.length - 1]?.type === 'descent') throw new JsonPathError('Unexpected end of JSONPath after `..`, expected a name', source.length)
  return segments
}

function readBracket(source: string, open: number, segments: JsonPathSegment[]): number {
  let index = open + 1
  const char = source[index]
  if (char === '(') throw new JsonPathError('Unexpected script expression `[(...)]` in JSONPath, expected a name, an index or a filter', index, true)
  if (char === '?') {
    if (source[index + 1] !== '(') throw new JsonPathError('Unexpected `?` in JSONPath, expected `?(` to start a filter', index)
    const close = matchingParen(source, index + 1)
    if (close === -1 || source[close + 1] !== ']') throw new JsonPathError('Unexpected end of filter in JSONPath, expected `)]`', index)
    const body = source.slice(index + 2, close)
    try {
      segments.push({ type: 'filter', expression: canonicalFilter(body) })
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw new JsonPathError(error.message, index + 2 + error.offset, error.unsafe)
      throw error
    }
    return close + 2
  }
  if (char === '*' && source[index + 1] === ']') {
    segments.push({ type: 'wildcard' })
    return index + 2
  }
  const close = closingBracket(source, index)
  if (close === -1) throw new JsonPathError('Unexpected end of JSONPath in brackets, expected `]`', open)
  const body = source.slice(index, close)
  if (SLICE.test(body)) {
    segments.push({ type: 'slice', text: body.replace(/\s+/g, '') })
    return close + 1
  }
  const items: (string | number)[] = []
  for (const [part, at] of splitUnion(body, index)) {
    const trimmed = part.trim()
    const offset = at + part.indexOf(trimmed)
    if (/^\d+$/.test(trimmed)) items.push(Number(trimmed))
    else if (/^(['"]).*\1$/s.test(trimmed)) items.push(unquote(trimmed, offset))
    else {
      const unsafe = trimmed.startsWith('(') || /[()`]/.test(trimmed)
      throw new JsonPathError(`Unexpected \`${trimmed}\` in JSONPath brackets, expected a quoted name, an index or \`*\``, offset, unsafe)
    }
  }
  if (items.length === 1) {
    const only = items[0]
    segments.push(typeof only === 'number' ? { type: 'index', index: only } : { type: 'name', name: only ?? '' })
  } else {
    segments.push({ type: 'union', items })
  }
  return close + 1
}

function isScriptStart(source: string, index: number): boolean {
  return source[index] === '(' || source[index] === '`'
}

function matchingParen(source: string, open: number): number {
  let depth = 0
  let quote: string | undefined
  for (let index = open; index < source.length; index++) {
    const char = source[index]
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
      continue
    }
    if (char === "'" || char === '"') quote = char
    else if (char === '(') depth++
    else if (char === ')') {
      depth--
      if (depth === 0) return index
    }
  }
  return -1
}

function closingBracket(source: string, from: number): number {
  let quote: string | undefined
  for (let index = from; index < source.length; index++) {
    const char = source[index]
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
      continue
    }
    if (char === "'" || char === '"') quote = char
    else if (char === ']') return index
  }
  return -1
}

function splitUnion(body: string, offset: number): [string, number][] {
  const parts: [string, number][] = []
  let quote: string | undefined
  let start = 0
  for (let index = 0; index < body.length; index++) {
    const char = body[index]
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
      continue
    }
    if (char === "'" || char === '"') quote = char
    else if (char === ',') {
      parts.push([body.slice(start, index), offset + start])
      start = index + 1
    }
  }
  parts.push([body.slice(start), offset + start])
  return parts
}

function unquote(quoted: string, offset: number): string {
  const inner = quoted.slice(1, -1)
  let out = ''
  for (let index = 0; index < inner.length; index++) {
    const char = inner[index]
    if (char === '\\') {
      const next = inner[index + 1]
      if (next === undefined || !`'"\\`.includes(next)) throw new JsonPathError(`Unexpected escape \`\\${next ?? ''}\` in a quoted JSONPath name`, offset + 1 + index)
      out += next
      index++
      continue
    }
    out += char
  }
  if (out === '') throw new JsonPathError('Unexpected empty name in JSONPath brackets, expected a name', offset)
  return out
}

function shown(source: string, index: number): string {
  return index >= source.length ? 'end of JSONPath' : `\`${source[index]}\``
}

/** True when every segment is a plain name or index: the path is a walk, not a query. */
export function isSimple(segments: readonly JsonPathSegment[]): segments is ({ type: 'name'; name: string } | { type: 'index'; index: number })[] {
  return segments.every((segment) => segment.type === 'name' || segment.type === 'index')
}

/**
 * The canonical text of a JSONPath, as jsonpath-plus reads it: names as
 * `.name` or `['name']`, unions in jsonpath-plus's own form `[a.b,c,0]`
 * (it splits a bracket on commas and does not unquote the parts: the quoted
 * union `['a.b','c']` finds nothing). Whether jsonpath-plus really reads the
 * text as meant is `unreadSegment`'s verdict, which callers must ask first.
 */
export function printJsonPath(segments: readonly JsonPathSegment[]): string {
  let out = '$'
  let afterDescent = false
  for (const segment of segments) {
    let text: string
    switch (segment.type) {
      case 'descent':
        out += '..'
        afterDescent = true
        continue
      case 'name':
        text = IDENTIFIER.test(segment.name) ? `.${segment.name}` : `['${segment.name}']`
        break
      case 'index':
        text = `[${segment.index}]`
        break
      case 'wildcard':
        text = afterDescent ? '.*' : '[*]'
        break
      case 'slice':
        text = `[${segment.text}]`
        break
      case 'union':
        text = `[${segment.items.join(',')}]`
        break
      case 'filter':
        text = `[?(${segment.expression})]`
        break
    }
    out += afterDescent && text.startsWith('.') ? text.slice(1) : text
    afterDescent = false
  }
  return out
}

/** A segment of a query that jsonpath-plus would not read as written, and why. */
export interface UnreadSegment {
  readonly index: number
  readonly reason: string
}

/** jsonpath-plus's slice, as its evaluator recognises one (a negative step is not). */
const JSONPATH_PLUS_SLICE = /^(-?\d*):(-?\d*):?(\d*)$/
/** Steps jsonpath-plus evaluates as operators, not names (`$`, `^` parent, `~` property name, `@type()`, `(script)`, `?(filter)`, `` `escape ``). */
const OPERATOR_STEP = /^(?:\*|\.\.|\$|\^|~)$|^[(@`]|^\?\(/
/** Characters a name cannot hold in a query: commas split unions, jsonpath-plus cuts names at brackets, quotes and backslashes confuse both readers. */
const UNQUOTABLE = /[,'"\\[\]]/

const NAME_EXPECTED =
  'expected a name jsonpath-plus reads as written (no `,`, quote, backslash or bracket; not `*`, `$`, `^`, `~` or a slice; not starting with `@`, `(`, `?(` or a backtick); a path of names and indexes only reads any key'

/**
 * The first segment jsonpath-plus would read otherwise than `readJsonPath`
 * did, or undefined when it reads `printJsonPath(segments)` step for step as
 * meant. jsonpath-plus parses with regular expressions and evaluates each
 * step by its spelling, so a name such as `@x` (a type test), `a,b` (a
 * union) or `a]b` (cut at the bracket) would silently find something else, or
 * throw while mapping: such queries are refused when compiled.
 */
export function unreadSegment(segments: readonly JsonPathSegment[]): UnreadSegment | undefined {
  for (const [index, segment] of segments.entries()) {
    if (segment.type === 'name' && !readableName(segment.name)) {
      return { index, reason: `Unexpected name \`${segment.name}\` in a JSONPath query, ${NAME_EXPECTED}` }
    }
    if (segment.type === 'union') {
      const item = segment.items.find((item) => typeof item === 'string' && !readableName(item))
      if (item !== undefined) return { index, reason: `Unexpected name \`${item}\` in a JSONPath union, ${NAME_EXPECTED}` }
    }
    if (segment.type === 'slice' && !JSONPATH_PLUS_SLICE.test(segment.text)) {
      return { index, reason: `Unexpected slice \`[${segment.text}]\` in a JSONPath query, expected \`[start:end:step]\` with a step that is not negative` }
    }
  }
  const expected = ['$', ...segments.map(jsonPathPlusStep)]
  const read = JSONPath.toPathArray(printJsonPath(segments))
  const differs = expected.findIndex((step, index) => read[index] !== step)
  if (differs === -1 && read.length === expected.length) return undefined
  const index = Math.min(Math.max((differs === -1 ? expected.length : differs) - 1, 0), segments.length - 1)
  const segment = segments[index]
  const name = segment?.type === 'name' ? segment.name : segment?.type === 'union' ? segment.items.join(',') : undefined
  return name === undefined
    ? { index, reason: `Unexpected JSONPath query \`${printJsonPath(segments)}\` that jsonpath-plus reads otherwise, expected a query it reads as written` }
    : { index, reason: `Unexpected name \`${name}\` in a JSONPath query, ${NAME_EXPECTED}` }
}

function readableName(name: string): boolean {
  return !UNQUOTABLE.test(name) && !OPERATOR_STEP.test(name) && !JSONPATH_PLUS_SLICE.test(name)
}

/** The step jsonpath-plus's evaluator must see for a segment (an element of `JSONPath.toPathArray`). */
function jsonPathPlusStep(segment: JsonPathSegment): string {
  switch (segment.type) {
    case 'name':
      return segment.name
    case 'index':
      return String(segment.index)
    case 'wildcard':
      return '*'
    case 'descent':
      return '..'
    case 'slice':
      return segment.text
    case 'union':
      return segment.items.join(',')
    case 'filter':
      return `?(${segment.expression})`
  }
}
