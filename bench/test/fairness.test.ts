/**
 * The bench's premise: the hand-written mapper does the same job as mapdown,
 * so their ratio means something. For valid events (what the bench times)
 * the lines must be byte-identical; for corrupted values both must keep the
 * same fields (mapdown also lists issues in its metadata, which the
 * hand-written mapper does not: that is its documented shortcut).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileFiles, compileSources } from '@mapdown/compiler'
import { createEngine, type Engine } from '@mapdown/engine'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRng } from '../src/generate/rng.js'
import { networkConnectionEvent } from '../src/generate/network-connection.js'
import { mapNetworkConnection, mapNetworkConnectionLine } from '../src/handwritten.js'
import { cloudFunnelEvent } from '../src/generate/cloud-funnel.js'
import { mapCloudFunnelIp, mapCloudFunnelIpLine } from '../src/handwritten-cloud-funnel.js'

const ORIGINAL = join(import.meta.dirname, '..', '..', 'dictionaries', 'sentinelone', 'network-connection.md')

let engine: Engine
beforeAll(() => {
  const compiled = compileSources([{ path: 'dictionaries/sentinelone/network-connection.md', contents: readFileSync(ORIGINAL, 'utf8') }], {
    cwd: join(import.meta.dirname, '..', '..'),
  })
  expect(compiled.errorCount).toBe(0)
  engine = createEngine(compiled.ir)
})

const withoutMetadata = (record: Record<string, unknown>): Record<string, unknown> => {
  const { '@mapdown': _metadata, ...fields } = record
  return fields
}

/** Values a real stream puts where the dictionary expects an address, a port, a pid or a time. */
const corruption = fc.oneof(
  fc.constantFrom<unknown>(null, 'E_UNSUPPORTED', '', 'not a value', '10.0.0.256', '1.2.3', '010.1.1.1', 1.5, -1, 0, 70000),
  fc.constantFrom<unknown>('443', ' +443 ', '1e3', '1571933515865', 1571933515865.7, '1.5719335158657e12', Date.UTC(2200, 0, 1), 2 ** 53, true, {}, []),
  fc.integer(),
  fc.string({ maxLength: 16 }),
)

type Slot = (event: Record<string, any>, value: unknown) => void // eslint-disable-line @typescript-eslint/no-explicit-any
const SLOTS: readonly Slot[] = [
  (event, value) => void (event['tcpv4'].sourceAddress.address = value),
  (event, value) => void (event['tcpv4'].sourceAddress.port = value),
  (event, value) => void (event['tcpv4'].destinationAddress.address = value),
  (event, value) => void (event['tcpv4'].destinationAddress.port = value),
  (event, value) => void (event['tcpv4'].source.fullPid.pid = value),
  (event, value) => void (event['timestamp'].millisecondsSinceEpoch = value),
]

describe('hand-written mapper vs mapdown engine', () => {
  it('should write byte-identical lines for every generated event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.nat(1_000_000), (seed, index) => {
        const line = JSON.stringify(networkConnectionEvent(createRng(seed), index))
        const result = engine.mapLine(line)
        expect(result.ok).toBe(true)
        expect(mapNetworkConnectionLine(line)).toBe(result.ok ? JSON.stringify(result.record) : null)
      }),
      { numRuns: 500 },
    )
  })

  it('should keep and drop the same fields when values are corrupted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.array(fc.tuple(fc.nat(SLOTS.length - 1), corruption), { maxLength: 4 }), (seed, changes) => {
        const event = networkConnectionEvent(createRng(seed), 0)
        for (const [slot, value] of changes) (SLOTS[slot] as Slot)(event, value)
        const result = engine.map(event)
        const handwritten = mapNetworkConnection(event)
        expect(result.ok).toBe(true)
        expect(handwritten).not.toBeNull()
        if (result.ok && handwritten !== null) expect(withoutMetadata({ ...handwritten })).toEqual(withoutMetadata(result.record))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('hand-written Cloud Funnel IP mapper vs mapdown engine (the library IP dictionary)', () => {
  let cloudFunnel: Engine
  let sample: Record<string, unknown>
  beforeAll(async () => {
    const root = join(import.meta.dirname, '..', '..')
    const compiled = await compileFiles([join(root, 'dictionaries', 'sentinelone-cloud-funnel', 'ip.md')], { cwd: root })
    expect(compiled.errorCount).toBe(0)
    cloudFunnel = createEngine(compiled.ir)
    sample = compiled.samples.get('sentinelone-cloud-funnel/IP') as Record<string, unknown>
    expect(sample).toBeDefined()
  })

  it('should write byte-identical lines for every generated event, about 150 keys and 5 kB each', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.nat(1_000_000), (seed, index) => {
        const event = cloudFunnelEvent(sample, createRng(seed), index, 1679405953954)
        const line = JSON.stringify(event)
        expect(Object.keys(event).length).toBeGreaterThanOrEqual(145)
        expect(line.length).toBeGreaterThan(4_500)
        const result = cloudFunnel.mapLine(line)
        expect(result.ok).toBe(true)
        expect(mapCloudFunnelIpLine(line)).toBe(result.ok ? JSON.stringify(result.record) : null)
      }),
      { numRuns: 300 },
    )
  })

  const CLOUD_FUNNEL_SLOTS = ['event.type', 'event.time', 'endpoint.name', 'src.process.pid', 'src.process.startTime', 'src.process.user', 'src.ip.address', 'src.port.number', 'dst.ip.address', 'dst.port.number', 'event.network.direction'] as const
  const anyValue = fc.oneof(corruption, fc.boolean(), fc.constantFrom<unknown>('IPConnect', 'ip listen', 'File Creation'))

  it('should route, keep and drop alike when values are corrupted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.array(fc.tuple(fc.constantFrom(...CLOUD_FUNNEL_SLOTS), anyValue), { maxLength: 4 }), (seed, changes) => {
        const event = cloudFunnelEvent(sample, createRng(seed), 0, 1679405953954)
        for (const [key, value] of changes) event[key] = value
        const result = cloudFunnel.map(event)
        const handwritten = mapCloudFunnelIp(event)
        expect(handwritten === null).toBe(!result.ok)
        if (result.ok && handwritten !== null) expect(withoutMetadata({ ...handwritten })).toEqual(withoutMetadata(result.record))
      }),
      { numRuns: 1000 },
    )
  })
})
