import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng } from '../src/generate/rng.js'
import { networkConnectionEvent } from '../src/generate/network-connection.js'
import { compileSources } from '@mapdown/compiler'
import { varySample } from '../src/generate/vary.js'
import { mapNetworkConnection } from '../src/handwritten.js'

describe('createRng', () => {
  it('should repeat the same sequence for the same seed and differ for another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = createRng(seed)
        const b = createRng(seed)
        const c = createRng(seed + 1)
        const first = Array.from({ length: 8 }, () => a.next())
        expect(Array.from({ length: 8 }, () => b.next())).toEqual(first)
        expect(Array.from({ length: 8 }, () => c.next())).not.toEqual(first)
      }),
    )
  })

  it('should keep int() within its inclusive bounds and next() in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const rng = createRng(seed)
        for (let i = 0; i < 20; i++) {
          const value = rng.int(min, min + span)
          expect(value).toBeGreaterThanOrEqual(min)
          expect(value).toBeLessThanOrEqual(min + span)
          expect(Number.isInteger(value)).toBe(true)
          const float = rng.next()
          expect(float >= 0 && float < 1).toBe(true)
        }
      }),
    )
  })

  it('should not support pick() from nothing', () => {
    expect(() => createRng(1).pick([])).toThrow(RangeError)
  })
})

describe('networkConnectionEvent', () => {
  it('should generate events whose six dictionary fields are all present and valid', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(10_000_000), (seed, index) => {
        const record = mapNetworkConnection(networkConnectionEvent(createRng(seed), index))
        expect(record).not.toBeNull()
        expect(Object.keys(record ?? {})).toEqual(['src_ip', 'src_port', 'dst_ip', 'dst_port', 'process_id', 'event_date_creation', '@mapdown'])
      }),
    )
  })

  it('should keep the original sample\'s shape: every event-object key present, only tcpv4 non-null', () => {
    const event = networkConnectionEvent(createRng(3), 0)
    const nonNull = Object.entries(event).filter(([, value]) => value !== null).map(([key]) => key)
    expect(nonNull).toEqual(['tcpv4', 'timestamp'])
    const path = 'dictionaries/sentinelone/network-connection.md'
    const compiled = compileSources([{ path, contents: readFileSync(join(import.meta.dirname, '..', '..', path), 'utf8') }])
    const original = compiled.samples.get('sentinelone/NetworkConnection') as Record<string, Record<string, unknown>>
    expect(Object.keys(event)).toEqual(Object.keys(original))
    const keysOf = (value: unknown): string[] => Object.keys(value as object)
    expect(keysOf(event['tcpv4'])).toEqual(keysOf(original['tcpv4']))
    expect(keysOf((event['tcpv4'] as Record<string, unknown>)['source'])).toEqual(keysOf(original['tcpv4']?.['source']))
  })
})

describe('varySample', () => {
  const leafShape = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(leafShape)
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, leafShape(v)]))
    return value === null ? 'null' : typeof value
  }
  const json = fc.jsonValue({ maxDepth: 4 })
  const withPlausibleValues = fc.dictionary(
    fc.constantFrom('port', 'pid', 'address', 'millisecondsSinceEpoch', 'name', 'value', 'nested'),
    fc.oneof(json, fc.constantFrom<unknown>('10.1.2.3', '4F9C2917DB832811', '1571933515865', 1571933515865, 443, 3068)),
  )

  it('should keep every key and the JSON type of every leaf', () => {
    fc.assert(
      fc.property(fc.integer(), withPlausibleValues, (seed, sample) => {
        expect(leafShape(varySample(sample, createRng(seed), 1571933515865))).toEqual(leafShape(sample))
      }),
    )
  })

  it('should change the values a stream varies and keep the others', () => {
    const sample = { a: { port: 443, address: '10.1.2.3', name: 'chrome', ts: 1571933515865, id: '4F9C2917DB832811', text: '1571933515865' } }
    const varied = varySample(sample, createRng(5), 1700000000000) as { a: Record<string, unknown> }
    expect(varied.a['name']).toBe('chrome')
    expect(varied.a['address']).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    expect(varied.a['ts']).toBeGreaterThanOrEqual(1700000000000)
    expect(varied.a['text']).toMatch(/^17\d{11}$/)
    expect(varied.a['id']).toMatch(/^[0-9A-F]{16}$/)
    expect(varied.a['id']).not.toBe('4F9C2917DB832811')
  })
})
