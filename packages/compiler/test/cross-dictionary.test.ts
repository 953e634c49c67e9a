import type { MatchIR } from '@mapdown/ir'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileSources } from '@mapdown/compiler'
import { predicateImplies } from '../src/routing/implies.js'
import { predicatesOverlap } from '../src/routing/overlap.js'
import { diagnosticLines } from './support/diagnostics.js'

function dictionary(rule: string, match: string | undefined, eventObject = 'tcpv4'): string {
  return [
    '---',
    `title: ${rule}`,
    'log.type: sentinelone',
    `sentinelone.rule: ${rule}`,
    ...(match === undefined ? [] : [`match: ${match}`]),
    '---',
    '',
    '## Data Dictionary',
    '| Standard Name | Field Name | Type |',
    '| --- | --- | --- |',
    `| port | ${eventObject}.port | integer |`,
    '',
  ].join('\n')
}

describe('cross-dictionary checks', () => {
  it('should report a duplicate id on the later file, pointing at the first', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('Same', undefined, 'tcpv4') },
      { path: 'b.md', contents: dictionary('Same', undefined, 'dns') },
    ])
    expect(result.ir.dictionaries.map((d) => d.source)).toEqual(['a.md'])
    expect(diagnosticLines(result.files[1]!)).toContain('4:1-4:23 error Unexpected duplicate dictionary id `sentinelone/Same`, expected each `<log.type>/<rule>` once (also in `a.md`) dictionary-id-duplicate')
    expect(String(result.files[1]!.messages.find((m) => m.fatal)?.cause)).toContain('first defined in a.md')
  })

  it('should report two dictionaries routed on the same event object', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('A', undefined) },
      { path: 'b.md', contents: dictionary('B', undefined) },
    ])
    expect(result.errorCount).toBe(1)
    expect(result.files[1]!.messages.map((m) => m.ruleId)).toContain('match-overlap')
    expect(diagnosticLines(result.files[1]!)).toContain(
      '10:8-10:21 error Unexpected match predicate of `sentinelone/B` (`tcpv4`) that overlaps `sentinelone/A` (`tcpv4` in `a.md`) at the same precedence 0: both accept `{"tcpv4":"x"}`, expected predicates that tell their events apart match-overlap',
    )
    expect(result.ir.dictionaries.map((d) => d.id)).toEqual(['sentinelone/A'])
  })

  // Issue 12 case 7: predicates on different paths both hold for an event that has both.
  it('should report predicates on different paths, with the paths and an event both accept', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('A', '{ event.type: X }') },
      { path: 'b.md', contents: dictionary('B', 'src.ip') },
    ])
    expect(result.errorCount).toBe(1)
    expect(diagnosticLines(result.files[1]!)).toContain(
      '5:1-5:6 error Unexpected match predicate of `sentinelone/B` (`src.ip`) that overlaps `sentinelone/A` (`event.type` in `a.md`) at the same precedence 0: both accept `{"event":{"type":"X"},"src":{"ip":"x"}}`, expected predicates that tell their events apart match-overlap',
    )
    expect(result.files[1]!.messages.find((m) => m.ruleId === 'match-overlap')?.actual).toBe('{"event":{"type":"X"},"src":{"ip":"x"}}')
    expect(result.ir.dictionaries.map((d) => d.id)).toEqual(['sentinelone/A'])
  })

  it('should accept predicates that read one path with different values', () => {
    const result = compileSources([
      { path: 'c.md', contents: dictionary('C', '{ event.type: [GET, POST] }') },
      { path: 'd.md', contents: dictionary('D', '{ event.type: DNS }') },
    ])
    expect(result.errorCount).toBe(0)
    expect(result.ir.dictionaries).toHaveLength(2)
  })

  it('should accept Deep Visibility dictionaries on different event objects, and Cloud Funnel ones on different `event.type` values, once their precedence says which wins', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('A', undefined, 'tcpv4') },
      { path: 'b.md', contents: `${dictionary('B', undefined, 'dns')}`.replace('sentinelone.rule: B', 'sentinelone.rule: B\nprecedence: -1') },
      { path: 'c.md', contents: dictionary('C', '{ event.type: [GET, POST] }\nprecedence: 1') },
      { path: 'd.md', contents: dictionary('D', '{ event.type: DNS }\nprecedence: 1') },
    ])
    expect(result.errorCount).toBe(0)
    expect(result.ir.dictionaries).toHaveLength(4)
  })

  it('should report Deep Visibility dictionaries on different event objects at the same precedence (an event may carry both objects)', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('A', undefined, 'tcpv4') },
      { path: 'b.md', contents: dictionary('B', undefined, 'dns') },
    ])
    expect(diagnosticLines(result.files[1]!)).toContain('both accept `{"tcpv4":"x","dns":"x"}`')
  })
})

describe('loose comparison and precedence', () => {
  it('should report a loose value that another dictionary spells differently', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('A', '{ event.type: IPConnect }') },
      { path: 'b.md', contents: dictionary('B', '{ event.type: IP Connect }\nmatch-compare: loose') },
    ])
    expect(result.files[1]!.messages.map((m) => m.ruleId)).toEqual(['event-json-missing', 'match-overlap'])
    expect(result.ir.dictionaries.map((d) => d.id)).toEqual(['sentinelone/A'])
  })

  it('should accept exact spellings that differ only in case or spaces', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('A', '{ event.type: IPConnect }') },
      { path: 'b.md', contents: dictionary('B', '{ event.type: IP Connect }') },
    ])
    expect(result.errorCount).toBe(0)
  })

  it('should accept overlapping predicates whose precedence differs', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('A', '{ event.type: IPConnect }') },
      { path: 'b.md', contents: dictionary('B', '{ event.type: ipconnect }\nmatch-compare: loose\nprecedence: 1') },
    ])
    expect(result.errorCount).toBe(0)
    expect(result.ir.dictionaries.map((d) => [d.id, d.match.precedence])).toEqual([
      ['sentinelone/A', undefined],
      ['sentinelone/B', 1],
    ])
  })

  it('should warn about a dictionary that a higher precedence outranks on every event it accepts', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('Any', '{ event.type: IP Connect }\nprecedence: 1') },
      { path: 'b.md', contents: dictionary('Outgoing', '{ event.type: IP Connect, direction: OUTGOING }') },
    ])
    expect(result.errorCount).toBe(0)
    expect(result.ir.dictionaries.map((d) => d.id)).toEqual(['sentinelone/Any', 'sentinelone/Outgoing'])
    expect(diagnosticLines(result.files[1]!).split('\n').filter((line) => line.endsWith('match-shadowed'))).toEqual([
      '5:1-5:6 warning Unexpected dictionary `sentinelone/Outgoing` that never gets an event: `sentinelone/Any` (in `a.md`, precedence 1) accepts every event its predicate (`event.type`, `direction`) accepts and outranks its precedence 0, expected a predicate that `sentinelone/Any` rejects or a higher precedence match-shadowed',
    ])
    expect(String(result.files[1]!.messages.find((m) => m.ruleId === 'match-shadowed')?.cause)).toContain('`sentinelone/Any` predicate in a.md')
  })

  it('should warn on the later dictionary when it is the one of higher precedence that takes every event', () => {
    const result = compileSources([
      { path: 'a.md', contents: dictionary('Outgoing', '{ event.type: IP Connect, direction: [OUTGOING] }') },
      { path: 'b.md', contents: dictionary('Any', '{ event.type: [IP Connect, DNS] }\nprecedence: 2') },
    ])
    expect(result.files[0]!.messages.map((m) => m.ruleId)).toEqual(['event-json-missing'])
    expect(diagnosticLines(result.files[1]!).split('\n').filter((line) => line.endsWith('match-shadowed'))).toEqual([
      '5:1-5:6 warning Unexpected precedence 2 of `sentinelone/Any` that takes every event of `sentinelone/Outgoing` (in `a.md`, precedence 0): its predicate (`event.type`) accepts every event that one (`event.type`, `direction`) accepts, expected a predicate that `sentinelone/Outgoing`\'s events can fail or a lower precedence match-shadowed',
    ])
  })

  it('should not warn when the outranked dictionary accepts events the other rejects', () => {
    // The library's case: Cloud Funnel (precedence 1) checks a second value, so Deep Visibility keeps the events without it.
    const result = compileSources([
      { path: 'a.md', contents: dictionary('CloudFunnel', '{ event.type: IP Connect, dataSource.name: SentinelOne }\nprecedence: 1') },
      { path: 'b.md', contents: dictionary('DeepVisibility', '{ event.type: IP Connect }') },
      { path: 'c.md', contents: dictionary('Loose', '{ event.type: ipconnect, direction: OUTGOING }\nmatch-compare: loose\nprecedence: -1') },
    ])
    expect(result.files.flatMap((file) => file.messages.map((message) => message.ruleId)).filter((id) => id !== 'event-json-missing')).toEqual([])
  })
})

const path = (name: string) => ({ kind: 'nested' as const, segments: [name], text: name })
const predicate = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'b', 'c').map((name) => ({ op: 'present' as const, path: path(name) })),
      fc
        .tuple(fc.constantFrom('a', 'b', 'c'), fc.uniqueArray(fc.constantFrom<string | number | null>('x', 'y', 1, null, 'X ', 'Y'), { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([name, values, loose]) => ({
          op: 'equals' as const,
          path: path(name),
          values,
          ...(loose ? { compare: 'loose' as const } : {}),
        })),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((all): MatchIR => ({ all, evidence: 'front-matter' }))

// Brute force over small events: the listed values, one unlisted ("z") and, for each loose class, a spelling
// no generated predicate lists (" x", "y "), so a loose condition is never mistaken for an exact one: the search is complete here.
const universe = [undefined, null, 'x', 'y', 1, 'z', 'X ', 'Y', ' x', 'y ']
const smallEvents: Record<string, unknown>[] = []
for (const a of universe) for (const b of universe) for (const c of universe) smallEvents.push({ a, b, c })
function holdsOn(match: MatchIR, event: Record<string, unknown>): boolean {
  return match.all.every((condition) => {
    const value = event[String(condition.path.kind === 'nested' ? condition.path.segments[0] : '')]
    if (condition.op === 'present') return value !== null && value !== undefined
    const loose = (v: unknown) => (condition.compare === 'loose' && typeof v === 'string' ? v.replace(/\s/g, '').toLowerCase() : v)
    return condition.values.some((expected) => loose(expected) === loose(value))
  })
}

describe('predicateImplies', () => {
  it('should never claim an implication that an event refutes', () => {
    fc.assert(
      fc.property(predicate, predicate, (given, wanted) => {
        if (predicateImplies(given, wanted)) for (const event of smallEvents) if (holdsOn(given, event)) expect(holdsOn(wanted, event)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('should find every implication when the given predicate has one condition per path', () => {
    const onePerPath = predicate.filter((match) => new Set(match.all.map((condition) => condition.path.text)).size === match.all.length)
    fc.assert(
      fc.property(onePerPath, predicate, (given, wanted) => {
        const refuted = smallEvents.some((event) => holdsOn(given, event) && !holdsOn(wanted, event))
        expect(predicateImplies(given, wanted)).toBe(!refuted)
      }),
      { numRuns: 500 },
    )
  })
})

describe('predicatesOverlap', () => {
  it('should be symmetric', () => {
    fc.assert(
      fc.property(predicate, predicate, (a, b) => {
        expect(predicatesOverlap(a, b)).toBe(predicatesOverlap(b, a))
      }),
    )
  })

  it('should call predicates overlapping exactly when one event satisfies both', () => {
    // Brute force over small events: the candidate values are the listed ones and "x", so the search is complete here.
    const values = [undefined, null, 'x', 'y', 1, 'z', 'X ', 'Y']
    const events: Record<string, unknown>[] = []
    for (const a of values) for (const b of values) for (const c of values) events.push({ a, b, c })
    const holds = (match: MatchIR, event: Record<string, unknown>) =>
      match.all.every((condition) => {
        const value = event[String(condition.path.kind === 'nested' ? condition.path.segments[0] : '')]
        if (condition.op === 'present') return value !== null && value !== undefined
        const loose = (v: unknown) => (condition.compare === 'loose' && typeof v === 'string' ? v.replace(/\s/g, '').toLowerCase() : v)
        return condition.values.some((expected) => loose(expected) === loose(value))
      })
    fc.assert(
      fc.property(predicate, predicate, (a, b) => {
        const shared = events.some((event) => holds(a, event) && holds(b, event))
        expect(predicatesOverlap(a, b)).toBe(shared)
      }),
      { numRuns: 500 },
    )
  })
})
