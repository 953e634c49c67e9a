import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine, emptyStats, mergeStats, NdjsonSplitter, REJECT_REASONS, UNMATCHED_LIMIT, type EngineStats } from '@mapdown/engine'
import { readJson } from './support/fixtures.js'

/** Five dictionaries routing on `event.type`, `meta.event.name`, `event_type`, `dns` and `processCreation`. */
const ir = readJson('ir', 'several.ir.json')
const sum = (tally: Readonly<Record<string, number | undefined>>) => Object.values(tally).reduce<number>((a, b) => a + (b ?? 0), 0)

/** What the stats promise whatever the input. */
function expectWhole(stats: EngineStats) {
  expect(stats.read).toBe(stats.mapped + stats.rejected)
  expect(sum(stats.rejectedByReason)).toBe(stats.rejected)
  expect(sum(stats.mappedByDictionary)).toBe(stats.mapped)
  expect(sum(stats.fieldIssuesByField)).toBe(stats.fieldIssues)
  expect(sum(stats.unmatched) + stats.unmatchedOther).toBe(stats.rejectedByReason.no_matching_dictionary ?? 0)
  expect(Object.keys(stats.unmatched).length).toBeLessThanOrEqual(UNMATCHED_LIMIT)
  for (const [dictionary, fields] of Object.entries(stats.absentFieldsByDictionary)) {
    for (const count of Object.values(fields)) expect(count).toBeLessThanOrEqual(stats.mappedByDictionary[dictionary] ?? 0)
  }
}

describe('engine.stats(): unmatched events by routing keys', () => {
  it('should tally the values at the routing keys of unmatched events, most frequent first', () => {
    const engine = createEngine(ir)
    const lines = [
      '{"event.type":"Module Load","event.category":"module"}',
      '{"event.type":"IPConnect","meta":{"event":{"name":"TCPV6"}}}',
      '{"event.type":"Module Load","event.category":"module"}',
      '{"other":1}',
      '{"event.type":"Module Load"}',
      '{"event_type":7,"dns":null}',
      '{"event.type":"IPConnect","meta":{"event":{"name":"TCPV4"}}}',
    ]
    for (const line of lines) engine.mapLine(line)
    const stats = engine.stats()
    expect(stats.unmatched).toEqual({
      'event.type=Module Load': 3,
      '(no routing key) keys=other': 1,
      'dns=null event_type=7': 1,
      'event.type=IPConnect meta.event.name=TCPV6': 1,
    })
    // Most frequent first, equal counts in key order: JSON shows them in this order.
    expect(Object.keys(stats.unmatched)).toEqual(['event.type=Module Load', '(no routing key) keys=other', 'dns=null event_type=7', 'event.type=IPConnect meta.event.name=TCPV6'])
    expect(stats.unmatchedOther).toBe(0)
    expectWhole(stats)
  })

  it('should keep at most UNMATCHED_LIMIT values and count the rest in unmatchedOther', () => {
    const engine = createEngine(ir)
    for (let i = 0; i < UNMATCHED_LIMIT + 10; i++) engine.map({ 'event.type': `T${String(i).padStart(3, '0')}` })
    engine.map({ 'event.type': 'T000' })
    const stats = engine.stats()
    expect(Object.keys(stats.unmatched)).toHaveLength(UNMATCHED_LIMIT)
    expect(Object.keys(stats.unmatched)[0]).toBe('event.type=T000')
    expect(stats.unmatched['event.type=T000']).toBe(2)
    expect(stats.unmatchedOther).toBe(10)
    expectWhole(stats)
  })

  it('should cut long values and show objects and arrays by their kind', () => {
    const engine = createEngine(ir)
    engine.map({ 'event.type': 'x'.repeat(500), processCreation: null, 'meta.event.name': [1] })
    engine.map({ event_type: { a: 1 } })
    engine.map({})
    engine.map(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${String(i).padStart(2, '0')}`, i])))
    expect(engine.stats().unmatched).toEqual({
      [`event.type=${'x'.repeat(100)}… meta.event.name=[…] processCreation=null`]: 1,
      'event_type={…}': 1,
      '(no routing key)': 1,
      '(no routing key) keys=k00,k01,k02,k03,k04,k05,k06,k07,k08,k09,…': 1,
    })
  })
})

describe('engine.stats(): absent fields per dictionary', () => {
  it('should count the fields without a value in mapped events, not the ones with an issue', () => {
    for (const emitNull of [false, true]) {
      const engine = createEngine(ir, { emitNull })
      engine.map({ processCreation: { process: { name: 'a.exe' } } })
      engine.map({ processCreation: { process: { fullPid: { pid: 'not a number' } } } })
      engine.map({ processCreation: { process: { name: null, fullPid: { pid: 4 } } } })
      const stats = engine.stats()
      expect(stats.absentFieldsByDictionary, `emitNull ${emitNull}`).toEqual({ 'sentinelone/ProcessCreation': { process_name: 2, process_id: 1 } })
      expect(Object.keys(stats.absentFieldsByDictionary['sentinelone/ProcessCreation']!)).toEqual(['process_name', 'process_id'])
      expect(stats.fieldIssuesByField).toEqual({ process_id: 1 })
    }
  })

  it('should not count rejected events', () => {
    const engine = createEngine(ir, { onFieldError: 'reject' })
    engine.map({ processCreation: { process: { fullPid: { pid: 'x' } } } })
    expect(engine.stats()).toMatchObject({ rejected: 1, absentFieldsByDictionary: {} })
  })
})

describe('mapFramedLine, stats({ reset }) and mergeStats', () => {
  it('should reject framing errors with their own code and count them', () => {
    const engine = createEngine(ir)
    const splitter = new NdjsonSplitter({ maxLineBytes: 40 })
    const lines = [...splitter.push(Buffer.concat([Buffer.from('{"processCreation":{}}\n'), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from(`"${'x'.repeat(50)}"\n`)])), ...splitter.end()]
    expect(lines.map((line) => engine.mapFramedLine(line)).map((result) => (result.ok ? result.dictionary : result.reason))).toEqual([
      'sentinelone/ProcessCreation',
      'invalid_utf8',
      'line_too_long',
    ])
    expect(engine.stats().rejectedByReason).toEqual({ invalid_utf8: 1, line_too_long: 1 })
    expect(REJECT_REASONS).toContain('invalid_utf8')
  })

  it('should start afresh after stats({ reset: true })', () => {
    const engine = createEngine(ir)
    engine.map({ nothing: true })
    expect(engine.stats({ reset: true })).toMatchObject({ read: 1, unmatched: { '(no routing key) keys=nothing': 1 } })
    expect(engine.stats()).toEqual(emptyStats())
  })

  it('should add snapshots up as one engine would have counted (any split, any order of batches)', () => {
    const event = fc.oneof(
      fc.record({ 'event.type': fc.constantFrom('IPConnect', 'FileCreation', 'Other', 'Module Load'), 'meta.event.name': fc.constantFrom('TCPV4', 'TCPV6'), 'src.port.number': fc.constantFrom(1, 'x', null) }, { requiredKeys: ['event.type'] }),
      fc.record({ processCreation: fc.record({ process: fc.record({ name: fc.constantFrom('a', null), fullPid: fc.record({ pid: fc.constantFrom(1, 'x') }) }, { requiredKeys: [] }) }) }),
      fc.record({ event_type: fc.constantFrom('tcpv4', 'udp', 3) }),
      fc.constantFrom({}, [], 'text'),
    )
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.nat(), fc.boolean(), (events, cut, reject) => {
        const options = { onFieldError: reject ? ('reject' as const) : ('keep' as const) }
        const whole = createEngine(ir, options)
        for (const item of events) whole.map(item)
        const at = events.length === 0 ? 0 : cut % (events.length + 1)
        const first = createEngine(ir, options)
        const second = createEngine(ir, options)
        for (const item of events.slice(0, at)) first.map(item)
        for (const item of events.slice(at)) second.map(item)
        const expected = whole.stats()
        expectWhole(expected)
        // Equal as JSON: the same keys in the same order.
        expect(JSON.stringify(mergeStats(first.stats(), second.stats()))).toBe(JSON.stringify(expected))
        expect(JSON.stringify(mergeStats(emptyStats(), mergeStats(first.stats(), second.stats())))).toBe(JSON.stringify(expected))
      }),
      { numRuns: 150 },
    )
  })

  it('should keep the most frequent unmatched values when merged snapshots hold more than the limit', () => {
    const a = createEngine(ir)
    const b = createEngine(ir)
    for (let i = 0; i < UNMATCHED_LIMIT; i++) a.map({ 'event.type': `A${i}` })
    for (let i = 0; i < 5; i++) b.map({ 'event.type': 'B' })
    const merged = mergeStats(a.stats(), b.stats())
    expect(Object.keys(merged.unmatched)).toHaveLength(UNMATCHED_LIMIT)
    expect(Object.entries(merged.unmatched)[0]).toEqual(['event.type=B', 5])
    expect(merged.unmatchedOther).toBe(1)
    expectWhole(merged)
  })
})
