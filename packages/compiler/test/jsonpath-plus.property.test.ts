import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { JSONPath } from 'jsonpath-plus'
import { createEngine } from '@mapdown/engine'
import { IR_VERSION, type MappingIR, type PathIR } from '@mapdown/ir'
import { readFieldPath } from '../src/paths/field-path.js'

/**
 * A JSONPath query in a Field Name must find exactly what jsonpath-plus finds
 * for the same query written in jsonpath-plus's own syntax, in both engine
 * modes: nothing is absent, one value is the field, several are the issue
 * `multiple_values` with all of them in jsonpath-plus's order (never a silent
 * first match, see the engine's README). A query jsonpath-plus cannot express
 * is refused when compiled, never mapped to something else.
 */

type Segment =
  | { type: 'name'; name: string }
  | { type: 'index'; index: number }
  | { type: 'wildcard' }
  | { type: 'descent' }
  | { type: 'union'; items: (string | number)[] }

/** Keys with dots, quotes, brackets, commas, unicode, and spellings jsonpath-plus gives a meaning (`*`, `@x`, `~`, slices). */
const KEY = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', 'x', 'y', 'a.b', 'x.y.z', 'é', '日本', '😀', 'a b', 'length', '0', '1') },
  {
    weight: 2,
    arbitrary: fc.constantFrom("it's", 'x"y', 'a]b', '[0]', 'a[b', 'a,b', 'a\\b', '*', '$', '@x', '@string()', '~', '^', '..', '1:2', '`a', '(a)', '?(x)', '#0', 'a;b', '%@%', 'a~b', 'a^b'),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
)

const segmentArbitrary: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 4, arbitrary: KEY.map((name): Segment => ({ type: 'name', name })) },
  { weight: 1, arbitrary: fc.nat({ max: 2 }).map((index): Segment => ({ type: 'index', index })) },
  { weight: 1, arbitrary: fc.constant<Segment>({ type: 'wildcard' }) },
  { weight: 1, arbitrary: fc.constant<Segment>({ type: 'descent' }) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof({ weight: 4, arbitrary: KEY }, { weight: 1, arbitrary: fc.nat({ max: 2 }) }), { minLength: 2, maxLength: 3 })
      .map((items): Segment => ({ type: 'union', items })),
  },
)

/** Paths that are queries (a union, a wildcard or a descent), with no descent last or twice in a row. */
const pathArbitrary = fc
  .array(segmentArbitrary, { minLength: 1, maxLength: 4 })
  .filter((segments) => segments.some((segment) => segment.type !== 'name' && segment.type !== 'index'))
  .filter((segments) => segments.at(-1)?.type !== 'descent' && !segments.some((segment, index) => segment.type === 'descent' && segments[index + 1]?.type === 'descent'))

const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('v', 'w', null, true)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(KEY, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value

const documentArbitrary = fc.dictionary(KEY, json, { maxKeys: 5, noNullPrototype: true }).map((document) => ({ ...document, kind: 'k' }))

/** The Field Name as a dictionary author writes it: quoted names (escaped), quoted union items. */
function fieldName(segments: readonly Segment[]): string {
  const quote = (name: string): string => `'${name.replace(/[\\']/g, (char) => `\\${char}`)}'`
  let text = '$'
  for (const [index, segment] of segments.entries()) {
    const afterDescent = segments[index - 1]?.type === 'descent'
    if (segment.type === 'descent') text += '..'
    else if (segment.type === 'name') text += `[${quote(segment.name)}]`
    else if (segment.type === 'index') text += `[${segment.index}]`
    else if (segment.type === 'wildcard') text += afterDescent ? '*' : '[*]'
    else text += `[${segment.items.map((item) => (typeof item === 'number' ? String(item) : quote(item))).join(',')}]`
  }
  return text
}

/** The same query in jsonpath-plus's own syntax (names `['x']`, unions unquoted `[a,b]`), and the steps it must read from it. */
function jsonPathPlusQuery(segments: readonly Segment[]): { text: string; steps: string[] } {
  let text = '$'
  const steps = ['$']
  for (const [index, segment] of segments.entries()) {
    const afterDescent = segments[index - 1]?.type === 'descent'
    if (segment.type === 'descent') {
      text += '..'
      steps.push('..')
    } else if (segment.type === 'name') {
      text += `['${segment.name}']`
      steps.push(segment.name)
    } else if (segment.type === 'index') {
      text += `[${segment.index}]`
      steps.push(String(segment.index))
    } else if (segment.type === 'wildcard') {
      text += afterDescent ? '*' : '[*]'
      steps.push('*')
    } else {
      text += `[${segment.items.join(',')}]`
      steps.push(segment.items.join(','))
    }
  }
  return { text, steps }
}

/**
 * Names jsonpath-plus evaluates as something else than a key (its README: `$`, `*`, `..`, `^`
 * parent, `~` property name, `@type()`, `(script)`, `?(filter)`, backtick escapes, slices; a comma
 * makes a union), and quotes and backslashes, which mapdown refuses in query names.
 */
function isKeyName(name: string): boolean {
  return !/^(?:\*|\.\.|\$|\^|~)$|^[(@`]|^\?\(|[,'"\\]/.test(name) && !/^(-?\d*):(-?\d*):?(\d*)$/.test(name)
}

function namesOf(segments: readonly Segment[]): string[] {
  return segments.flatMap((segment) => (segment.type === 'name' ? [segment.name] : segment.type === 'union' ? segment.items.filter((item) => typeof item === 'string') : []))
}

function irFor(path: PathIR): MappingIR {
  return {
    irVersion: IR_VERSION,
    dictionaries: [
      {
        id: 't/T',
        title: 'T',
        description: null,
        logType: 't',
        rule: 'T',
        version: null,
        author: null,
        date: null,
        source: 'T.md',
        eventType: null,
        match: { all: [{ op: 'equals', path: { kind: 'nested', segments: ['kind'], text: 'kind' }, values: ['k'] }], evidence: 'front-matter' },
        fields: [{ name: 'f', path, type: 'string', description: 'f', sampleValue: null, position: { start: { line: 1, column: 1 } } }],
      },
    ],
  }
}

/** What the field is: absent, one value, or all values of a `multiple_values` issue. */
function fieldOutcome(result: ReturnType<ReturnType<typeof createEngine>['map']>): unknown {
  if (!result.ok) return { rejected: result.reason, message: result.message }
  const issue = result.issues.find((candidate) => candidate.field === 'f')
  if (issue !== undefined) return { issue: issue.code, value: issue.value }
  return Object.hasOwn(result.record, 'f') ? { value: result.record.f } : { absent: true }
}

/** What jsonpath-plus finds, in the same terms (values as the `string` type writes them). */
function expectedOutcome(found: unknown[]): unknown {
  const values = found.filter((value) => typeof value !== 'function')
  if (values.length === 0) return { absent: true }
  if (values.length > 1) return { issue: 'multiple_values', value: values }
  const [value] = values
  if (value === null) return { absent: true }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? { value: String(value) } : { issue: 'not_a_scalar', value }
}

describe('JSONPath queries against jsonpath-plus', () => {
  it('should find, in both engine modes, exactly what jsonpath-plus finds, and refuse only what jsonpath-plus cannot express', () => {
    fc.assert(
      fc.property(pathArbitrary, fc.array(documentArbitrary, { minLength: 1, maxLength: 3 }), (segments, documents) => {
        const read = readFieldPath(fieldName(segments))
        const reference = jsonPathPlusQuery(segments)
        const expressible = JSON.stringify(JSONPath.toPathArray(reference.text)) === JSON.stringify(reference.steps) && namesOf(segments).every(isKeyName)
        if (!read.ok) {
          expect(expressible, `refused ${fieldName(segments)}: ${read.reason}`).toBe(false)
          expect(read.problem).toBe('invalid')
          expect(read.reason).toMatch(/^Unexpected .*, expected /)
          return
        }
        expect(expressible, `accepted ${fieldName(segments)}, which jsonpath-plus reads as ${JSON.stringify(JSONPath.toPathArray(reference.text))}`).toBe(true)
        expect(read.draft.kind).toBe('decided')
        if (read.draft.kind !== 'decided') return
        expect(read.draft.path.kind).toBe('jsonpath')
        const engines = [createEngine(irFor(read.draft.path), { mode: 'interpreted' }), createEngine(irFor(read.draft.path), { mode: 'compiled' })]
        for (const document of documents) {
          const expected = expectedOutcome(JSONPath({ path: reference.text, json: document, wrap: true, eval: false }) as unknown[])
          for (const engine of engines) expect(fieldOutcome(engine.map(structuredClone(document)))).toEqual(expected)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('should map the unions of issue 13 as jsonpath-plus does', () => {
    const cases: [string, string, unknown][] = [
      ["$['a.b','c']", '$[a.b,c]', { 'a.b': 1, c: 2, a: { b: 3 } }],
      ["$['a.b','c']", '$[a.b,c]', { c: 2 }],
      ["$..['x','y']", '$..[x,y]', { x: 1, n: { y: 2, m: [{ x: 3 }] } }],
      ['$.n[0,1]', '$.n[0,1]', { n: ['p', 'q', 'r'] }],
    ]
    for (const [name, reference, document] of cases) {
      const read = readFieldPath(name)
      if (!read.ok || read.draft.kind !== 'decided') throw new Error(`refused ${name}`)
      expect(read.draft.path).toEqual({ kind: 'jsonpath', expression: reference, text: name })
      const found = JSONPath({ path: reference, json: document as object, wrap: true, eval: false }) as unknown[]
      expect(found.length).toBeGreaterThan(0)
      const event = { ...(document as object), kind: 'k' }
      for (const mode of ['interpreted', 'compiled'] as const) {
        expect(fieldOutcome(createEngine(irFor(read.draft.path), { mode }).map(event))).toEqual(expectedOutcome(found))
      }
    }
  })

  it('should refuse a query name jsonpath-plus would run as a type test, a union or a cut name, at the name', () => {
    for (const [name, offset] of [
      ["$..['@foo']", 3],
      ["$..['a,b']", 3],
      ["$..['a]b']", 3],
      ["$['a'][*]['*']", 9],
      ["$..['x','~']", 3],
      ['$..x[::-1]', 4],
    ] as const) {
      const read = readFieldPath(name)
      expect(read.ok, name).toBe(false)
      if (read.ok) continue
      expect(read.problem).toBe('invalid')
      expect(read.offset, name).toBe(offset)
    }
  })
})
