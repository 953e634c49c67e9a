/**
 * Issue 12 case 7: overlaps are decided at compile time. For generated sets of
 * dictionaries (predicates on shared and different paths, dotted paths nested,
 * flat or undecided, loose and exact values, JSONPath, precedences), the IR the
 * compiler emits never gives `ambiguous_match` for any generated event, in
 * either engine mode; and every example event a `match-overlap` message names
 * is one that both dictionaries accept (the engine, given both, rejects it as
 * ambiguous). Sizes are small so that each run is bounded by construction.
 */
import type { DictionaryIR, MappingIR } from '@mapdown/ir'
import { createEngine, type EngineOptions } from '@mapdown/engine'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileSources } from '@mapdown/compiler'

const MODES: readonly NonNullable<EngineOptions['mode']>[] = ['compiled', 'interpreted']

/** Paths that meet: `a` is a prefix of `a.b`, `event.type` may be nested or one flat key, `$.k` is JSONPath. */
const PATHS = ['a', 'a.b', 'event.type', 'c.d', 'k', '$.k'] as const
const VALUES = ['X', 'Y', 'x y', 'X Y', 1, true, null] as const

const value = fc.constantFrom<string | number | boolean | null>(...VALUES)
const predicate = fc.oneof(
  // `match: a` or `match: [a, c.d]`: present and not null
  fc.uniqueArray(fc.constantFrom(...PATHS), { minLength: 1, maxLength: 2 }).map((paths) => JSON.stringify(paths.length === 1 ? paths[0] : paths)),
  // `match: { path: value or [values] }`
  fc
    .uniqueArray(fc.tuple(fc.constantFrom(...PATHS), fc.uniqueArray(value, { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 2, selector: ([path]) => path })
    .map((entries) => JSON.stringify(Object.fromEntries(entries.map(([path, values]) => [path, values.length === 1 ? values[0] : values])))),
)

/**
 * A small event over the same paths, each written as one flat key or as
 * nested objects (a later write replaces what is in its way), with the listed
 * values or "x": so that predicates on different paths hold together often.
 */
const event = fc
  .array(fc.tuple(fc.constantFrom('a', 'a.b', 'event.type', 'c.d', 'k'), fc.oneof(value, fc.constant('x')), fc.boolean()), { maxLength: 5 })
  .map(writeAll)

const dictionarySpec = fc.record({
  match: predicate,
  loose: fc.boolean(),
  precedence: fc.constantFrom(0, 0, 0, 1, -1),
  /** A sample decides whether a dotted path is nested or flat; without one it stays `either`. */
  sample: fc.option(event, { nil: undefined }),
})
type DictionarySpec = typeof dictionarySpec extends fc.Arbitrary<infer T> ? T : never

function markdown(rule: string, spec: DictionarySpec): string {
  return [
    '---',
    `title: ${rule}`,
    'log.type: generated',
    `generated.rule: ${rule}`,
    `match: ${spec.match}`,
    ...(spec.loose ? ['match-compare: loose'] : []),
    ...(spec.precedence === 0 ? [] : [`precedence: ${spec.precedence}`]),
    '---',
    '',
    ...(spec.sample === undefined ? [] : ['## Event JSON', '```json', JSON.stringify(spec.sample), '```', '']),
    '## Data Dictionary',
    '| Standard Name | Field Name | Type |',
    '| --- | --- | --- |',
    '| kind | k | string |',
    '',
  ].join('\n')
}

/** The writes that satisfy one predicate: each path with a value it accepts ("x" where it must only be present). */
function writesFor(spec: DictionarySpec): [string, unknown][] {
  const match = JSON.parse(spec.match) as string | string[] | Record<string, unknown>
  const entries: [string, unknown[]][] =
    typeof match === 'string' ? [[match, ['x']]] : Array.isArray(match) ? match.map((path) => [path, ['x']]) : Object.entries(match).map(([path, values]) => [path, Array.isArray(values) ? values : [values]])
  return entries.map(([path, values]) => [path === '$.k' ? 'k' : path, values])
}

/**
 * Events meant to satisfy two predicates at once, built from the predicates
 * alone (not by the compiler's search): every path of both written, flat or
 * nested and with one of its values as `choices` say, in that order.
 */
function eventsForPair(a: DictionarySpec, b: DictionarySpec, choices: readonly number[]): Record<string, unknown>[] {
  let next = 0
  const choose = (count: number) => choices[next++ % choices.length]! % count
  const events: Record<string, unknown>[] = []
  for (let attempt = 0; attempt < 4; attempt++) {
    const writes = [...writesFor(a), ...writesFor(b)].map(([path, values]) => [path, (values as unknown[])[choose((values as unknown[]).length)], choose(2) === 1] as const)
    if (choose(2) === 1) writes.reverse()
    events.push(writeAll(writes))
  }
  return events
}

function writeAll(writes: readonly (readonly [string, unknown, boolean])[]): Record<string, unknown> {
  const built: Record<string, unknown> = {}
  for (const [path, written, flat] of writes) {
    const segments = flat ? [path] : path.split('.')
    let target = built
    for (const segment of segments.slice(0, -1)) {
      const next = target[segment]
      if (next === null || typeof next !== 'object') target[segment] = {}
      target = target[segment] as Record<string, unknown>
    }
    target[segments.at(-1)!] = written
  }
  return built
}

const sources = (specs: readonly DictionarySpec[]) => specs.map((spec, index) => ({ path: `d${index}.md`, contents: markdown(`D${index}`, spec) }))

function engines(dictionaries: readonly DictionaryIR[]) {
  const ir: MappingIR = { irVersion: compileSources([]).ir.irVersion, dictionaries: [...dictionaries] }
  return MODES.map((mode) => createEngine(ir, { mode }))
}

describe('match-overlap against the engine', () => {
  it('should emit IR in which no event is ambiguous, in both engine modes', () => {
    let overlapsReported = 0
    let cleanSets = 0
    let decidedByPrecedence = 0
    fc.assert(
      fc.property(fc.array(dictionarySpec, { minLength: 2, maxLength: 4 }), fc.array(event, { maxLength: 10 }), fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (specs, randomEvents, choices) => {
        const events = [...randomEvents, ...specs.flatMap((a, i) => specs.slice(i + 1).flatMap((b) => eventsForPair(a, b, choices)))]
        const result = compileSources(sources(specs))
        const overlaps = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'match-overlap'))
        overlapsReported += overlaps.length
        const errors = result.files.flatMap((file) => file.messages.filter((message) => message.fatal === true))
        if (errors.length === 0) {
          cleanSets++
          expect(result.ir.dictionaries).toHaveLength(specs.length)
        }
        const all = engines(result.ir.dictionaries)
        for (const sample of [...events, ...specs.flatMap((spec) => (spec.sample === undefined ? [] : [spec.sample]))]) {
          const results = all.map((engine) => engine.map(sample))
          for (const mapped of results) expect(mapped.ok ? 'mapped' : mapped.reason, JSON.stringify(sample)).not.toBe('ambiguous_match')
          expect(results[0]).toEqual(results[1])
        }
        decidedByPrecedence += new Set(result.ir.dictionaries.map((dictionary) => dictionary.match.precedence ?? 0)).size > 1 ? 1 : 0
      }),
      { numRuns: 300 },
    )
    // Not vacuous: overlaps were found and refused, and sets compiled clean, some of them through precedence.
    expect(overlapsReported).toBeGreaterThan(0)
    expect(cleanSets).toBeGreaterThan(0)
    expect(decidedByPrecedence).toBeGreaterThan(0)
  })

  it('should name an example event that both dictionaries accept', () => {
    let examples = 0
    fc.assert(
      fc.property(dictionarySpec, dictionarySpec, (first, second) => {
        const pair = sources([first, { ...second, precedence: first.precedence }])
        const result = compileSources(pair)
        const message = result.files[1]!.messages.find((candidate) => candidate.ruleId === 'match-overlap')
        if (message?.actual == null) return
        examples++
        // Each compiled alone (the later one is left out of the pair's IR), then routed together.
        const dictionaries = pair.map((source) => compileSources([source]).ir.dictionaries[0]!)
        for (const engine of engines(dictionaries)) {
          const mapped = engine.map(JSON.parse(message.actual))
          expect(mapped.ok ? 'mapped' : mapped.reason).toBe('ambiguous_match')
        }
      }),
      { numRuns: 300 },
    )
    expect(examples).toBeGreaterThan(0)
  })
})
