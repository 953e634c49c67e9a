import fc from 'fast-check'
import { FIELD_TYPES, IR_VERSION, RESERVED_NAMES, type DateArgument, type DictionaryIR, type FieldIR, type MappingIR, type MatchCondition, type PathIR } from '@mapdown/ir'
import { HOSTILE_KEYS } from './events.js'

/**
 * Text that tries to break out of a string literal, an identifier, a comment or
 * a template in generated source. Inert when the code builder quotes it.
 */
export const INJECTIONS = [
  '"]; globalThis.__mapdownPwned = 1; //',
  "'); globalThis.__mapdownPwned = 1; ('",
  '`; globalThis.__mapdownPwned = 1; `',
  '${globalThis.__mapdownPwned = 1}',
  '\\"; globalThis.__mapdownPwned = 1; //',
  '\u2028globalThis.__mapdownPwned = 1\u2029',
  '*/ globalThis.__mapdownPwned = 1 /*',
  '\n}; globalThis.__mapdownPwned = 1; function f() {\n',
  '</script><script>globalThis.__mapdownPwned = 1</script>',
  '\ud800\udfff\ud800',
  '\u0000\u001f\u007f',
] as const

/** Keys paths may use: plain, dotted, hostile to objects, hostile to generated source. */
const KEY = fc.constantFrom('tcpv4', 'src', 'address', 'port', 'a', 'a.b', 'event.type', '0', '', ...HOSTILE_KEYS, ...INJECTIONS)
const SEGMENT: fc.Arbitrary<string | number> = fc.oneof({ weight: 4, arbitrary: KEY }, { weight: 1, arbitrary: fc.nat({ max: 3 }) })

/** A nested, flat, either or (simple) JSONPath path. */
export const pathArbitrary: fc.Arbitrary<PathIR> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(SEGMENT, { minLength: 1, maxLength: 4 }).map((segments): PathIR => ({ kind: 'nested', segments, text: segments.join('.') })),
  },
  { weight: 2, arbitrary: KEY.filter((key) => key !== '').map((key): PathIR => ({ kind: 'flat', key, text: key })) },
  {
    weight: 2,
    arbitrary: fc
      .array(SEGMENT, { minLength: 2, maxLength: 3 })
      .map((segments): PathIR => ({ kind: 'either', segments, key: segments.join('.'), text: segments.join('.') })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<PathIR>(
      { kind: 'jsonpath', expression: '$..address', text: '$..address' },
      { kind: 'jsonpath', expression: "$['a.b']", text: "$['a.b']" },
    ),
  },
)

const DATE_ARGUMENT: fc.Arbitrary<DateArgument> = fc.constantFrom<DateArgument>(
  'epoch_ms',
  'epoch_s',
  'iso8601',
  { pattern: 'yyyy-MM-dd HH:mm' },
  { pattern: `'"]; globalThis.__mapdownPwned = 1; //' yyyy` },
)

const MATCH_VALUE = fc.oneof(KEY, fc.integer({ min: -2, max: 2 }), fc.boolean(), fc.constant(null))

const condition: fc.Arbitrary<MatchCondition> = fc.oneof(
  pathArbitrary.map((path): MatchCondition => ({ op: 'present', path })),
  fc
    .tuple(pathArbitrary, fc.array(MATCH_VALUE, { minLength: 1, maxLength: 3 }))
    .map(([path, values]): MatchCondition => ({ op: 'equals', path, values })),
)

/** Standard names: plain, dotted, hostile ones (never a reserved name, which the IR refuses). */
const STANDARD_NAME = fc
  .oneof(fc.constantFrom('src_ip', 'src_port', 'event_time', 'constructor', 'toString', 'a.b', ' ', ...INJECTIONS), fc.string({ minLength: 1, maxLength: 8 }))
  .filter((name) => !(RESERVED_NAMES as readonly string[]).includes(name))

const field = (position: number): fc.Arbitrary<FieldIR> =>
  fc.tuple(STANDARD_NAME, pathArbitrary, fc.constantFrom(...FIELD_TYPES), DATE_ARGUMENT).map(
    ([name, path, type, dateArgument]): FieldIR => ({
      name,
      path,
      type,
      ...(type === 'date' ? { dateArgument } : {}),
      description: INJECTIONS[position % INJECTIONS.length]!,
      sampleValue: INJECTIONS[(position + 1) % INJECTIONS.length]!,
      position: { start: { line: position + 1, column: 1 } },
    }),
  )

const dictionary = (index: number): fc.Arbitrary<DictionaryIR> =>
  fc
    .tuple(
      fc.array(condition, { minLength: 1, maxLength: 2 }),
      fc.uniqueArray(fc.nat({ max: 40 }), { minLength: 1, maxLength: 6 }).chain((positions) => fc.tuple(...positions.map(field))),
      fc.constantFrom(...INJECTIONS),
    )
    .map(
      ([all, fields, hostile]): DictionaryIR => ({
        id: `${hostile}/${index}`,
        title: hostile,
        description: hostile,
        logType: hostile,
        rule: `${index}${hostile}`,
        version: hostile,
        author: hostile,
        date: hostile,
        source: `${hostile}.md`,
        eventType: hostile,
        match: { all, evidence: 'front-matter' },
        // Standard names are unique in a dictionary.
        fields: fields.filter((f, i) => fields.findIndex((g) => g.name === f.name) === i),
      }),
    )

/** Random valid IRs of one to three dictionaries, with hostile text in every string position. */
export const irArbitrary: fc.Arbitrary<MappingIR> = fc
  .integer({ min: 1, max: 3 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => dictionary(index))))
  .map((dictionaries): MappingIR => ({ irVersion: IR_VERSION, dictionaries }))
