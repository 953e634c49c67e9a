import fc from 'fast-check'
import { DERIVATIONS, type AssignmentIR, type Derivation, type JsonValue, type MappingIR, type SchemaIR, type TargetValueIR, type ValueIR, type ValueMapIR } from '@mapdown/ir'
import { HOSTILE_KEYS } from './events.js'
import { INJECTIONS, irArbitrary } from './ir-arbitrary.js'

/** Strings that break string literals, lines and JSON in generated source, if anything let them through as code. */
const HOSTILE_STRINGS = [...INJECTIONS, 'a"b', "a'b", 'a`b', 'line\nbreak', 'cr\rlf', '\u2028', '\u2029', '\\', '\\u0041', '', ' ', '</script>', '${x}', '__proto__'] as const

/** Numbers at the edges of what JSON, doubles and the code builder's literals hold. */
const EDGE_NUMBERS = [0, -0, 1, -1, 0.1, -1.5, 1e21, 1e-7, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_VALUE] as const

/** Keys of constants' objects: hostile to objects (`__proto__` as an own key, as JSON.parse makes it) and to source. */
const OBJECT_KEY = fc.constantFrom('a', 'kind', '0', '10', ...HOSTILE_KEYS, ...HOSTILE_STRINGS)

const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom<JsonValue>(...HOSTILE_STRINGS, ...EDGE_NUMBERS, true, false, null),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
)

/** An object with own keys only, whatever they are (`__proto__` included), built the way JSON.parse builds one. */
function ownObject(entries: readonly (readonly [string, JsonValue])[]): JsonValue {
  const object: Record<string, JsonValue> = {}
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true })
  return object
}

/** JSON constants: scalars, arrays and objects, nested a little. */
export const jsonConstant: fc.Arbitrary<JsonValue> = fc.letrec<{ json: JsonValue }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('json'), { maxLength: 3 }),
    fc.array(fc.tuple(OBJECT_KEY, tie('json')), { maxLength: 3 }).map(ownObject),
  ),
})).json

/**
 * What only a hand-made IR holds (the IR's JSON Schema takes any value as a
 * constant): numbers JSON writes as null, a Date (`toJSON`), an undefined
 * inside an object. Both modes must read them as JSON did for each record.
 */
const oddConstant = fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, [Number.NEGATIVE_INFINITY, 1], new Date(0), { a: undefined, b: 1 }, [undefined])

const constantValue: fc.Arbitrary<unknown> = fc.oneof({ weight: 6, arbitrary: jsonConstant }, { weight: 1, arbitrary: oddConstant })

/** A value expression over the given standard names: fields, constants, every derivation, nested. */
function valueArbitrary(names: readonly string[]): fc.Arbitrary<ValueIR> {
  const field = names.length === 0 ? undefined : fc.constantFrom(...names).map((name): ValueIR => ({ kind: 'field', name }))
  const constant = constantValue.map((value): ValueIR => ({ kind: 'constant', value: value as JsonValue }))
  return fc.letrec<{ value: ValueIR }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      ...(field ? [{ weight: 4, arbitrary: field }] : []),
      { weight: 1, arbitrary: constant },
      {
        weight: 2,
        arbitrary: fc.constantFrom(...(Object.keys(DERIVATIONS) as Derivation[])).chain((fn) => {
          const { min, max } = DERIVATIONS[fn]
          return fc.array(tie('value'), { minLength: min, maxLength: max ?? 3 }).map((args): ValueIR => ({ kind: 'derive', fn, args }))
        }),
      },
    ),
  })).value
}

/** Source texts a map lists: what fields of the generated events hold, in other spellings, and hostile text. */
const FROM = fc.constantFrom('IP Connect', 'ipconnect', 'SUCCESS', 'success', 'true', 'false', '1', '0', '-0', '7', 'Seven', 'tcpv4', ' T C P V 4 ', '', ...HOSTILE_STRINGS)

const targetValue: fc.Arbitrary<TargetValueIR> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<TargetValueIR>({ keep: true }) },
  { weight: 4, arbitrary: constantValue.map((value): TargetValueIR => ({ value: value as JsonValue })) },
)

const valueMap: fc.Arbitrary<ValueMapIR> = fc
  .tuple(
    fc.constantFrom(...HOSTILE_STRINGS.filter((text) => text !== '')),
    fc.constantFrom<ValueMapIR['compare']>('loose', 'exact', undefined),
    fc.array(fc.record({ from: FROM, to: targetValue }), { maxLength: 5 }),
    fc.option(targetValue, { nil: undefined }),
  )
  .map(([name, compare, entries, fallback]): ValueMapIR => ({ name, ...(compare ? { compare } : {}), entries, ...(fallback ? { default: fallback } : {}) }))

/** Target keys: plain, dotted, integer-like, hostile to objects and to source (never the IR's refused ones). */
const TARGET_KEY = fc.constantFrom('event', 'kind', 'source', 'ip', '@timestamp', 'a.b', '0', '7', 'toString', 'valueOf', 'hasOwnProperty', 'length', 'labels', 'mapdown', ...INJECTIONS)
const target = fc.array(TARGET_KEY, { minLength: 1, maxLength: 3 })

/** Where the metadata goes, and in which form. */
const metadata = fc.tuple(fc.constantFrom(['@mapdown'], ['labels'], ['unmapped', 'mapdown'], [INJECTIONS[0], INJECTIONS[5]], ['event', 'kind']), fc.boolean())

const isPrefix = (short: readonly string[], long: readonly string[]): boolean => short.length < long.length && short.every((key, index) => long[index] === key)
const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((key, index) => b[index] === key)

/**
 * Keeps the assignments a valid IR may hold, in order: no target that runs
 * through another or through the metadata (or that the metadata runs
 * through), none that writes the metadata path itself.
 */
function validAssignments(assignments: readonly AssignmentIR[], metadataPath: readonly string[], labels: boolean): AssignmentIR[] {
  const kept: AssignmentIR[] = []
  for (const assignment of assignments) {
    const path = assignment.target
    if (same(path, metadataPath) || isPrefix(path, metadataPath) || (!labels && isPrefix(metadataPath, path))) continue
    if (kept.some(({ target: other }) => isPrefix(other, path) || isPrefix(path, other))) continue
    kept.push(assignment)
  }
  return kept
}

/**
 * Random valid IRs (`irArbitrary`, hostile text everywhere) with one schema:
 * per dictionary (most of them), assignments of fields, constants, every
 * derivation and value maps (loose and exact, with and without a default,
 * `keep` and JSON targets), several assignments per target, the metadata in
 * either form at several places.
 */
export const schemaIrArbitrary: fc.Arbitrary<MappingIR> = irArbitrary.chain((ir) =>
  fc
    .tuple(
      metadata,
      fc.tuple(
        ...ir.dictionaries.map((dictionary) =>
          fc.option(
            fc.array(
              fc.record(
                { target: fc.oneof(target, target.map((path) => ['event', ...path])), value: valueArbitrary(dictionary.fields.map((field) => field.name)), map: valueMap },
                { requiredKeys: ['target', 'value'] },
              ),
              { maxLength: 10 },
            ),
            { freq: 6, nil: undefined },
          ),
        ),
      ),
    )
    .map(([[metadataPath, labels], perDictionary]): MappingIR => {
      const schema: SchemaIR = {
        name: 'target',
        title: INJECTIONS[1],
        description: INJECTIONS[2],
        version: null,
        source: 'target.md',
        metadata: metadataPath,
        ...(labels ? { metadataForm: 'labels' as const } : {}),
        projections: ir.dictionaries.flatMap((dictionary, index) => {
          const assignments = perDictionary[index]
          return assignments === undefined ? [] : [{ dictionary: dictionary.id, assignments: validAssignments(assignments, metadataPath, labels) }]
        }),
      }
      return { ...ir, schemas: [schema] }
    }),
)
