// The example stream is the generator's output, byte for byte, and has the mix the
// examples promise: enough events, dates in 2024-2026, both formats, broken lines.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DEFAULT_COUNT, DEFAULT_SEED, generateEvents } from '../events/generate.mjs'

const EVENTS_PATH = fileURLToPath(new URL('../events/events.ndjson', import.meta.url))
const committed = readFileSync(EVENTS_PATH, 'utf8')
const lines = committed.split('\n').slice(0, -1)

/** The event time of a parsed line, in epoch ms, whatever the format; undefined when it has none. */
function eventTime(event: Record<string, unknown>): number | undefined {
  if (typeof event['event.time'] === 'number') return event['event.time']
  const ts = event.timestamp as { millisecondsSinceEpoch?: unknown } | undefined
  const wrapped = (event.event as { timestamp?: { millisecondsSinceEpoch?: unknown } } | undefined)?.timestamp
  const ms = ts?.millisecondsSinceEpoch ?? wrapped?.millisecondsSinceEpoch
  return ms === undefined ? undefined : Number(ms)
}

function parseObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

describe('examples/events/events.ndjson', () => {
  it('should be exactly what generate.mjs writes (regenerate it, never edit it)', () => {
    expect(generateEvents() === committed, 'run `node examples/events/generate.mjs` and commit the result').toBe(true)
  })

  it('should be deterministic for a seed and change with the seed', () => {
    expect(generateEvents({ seed: 7, count: 40 })).toBe(generateEvents({ seed: 7, count: 40 }))
    expect(generateEvents({ seed: 8, count: 40 })).not.toBe(generateEvents({ seed: 7, count: 40 }))
    expect(generateEvents({ seed: DEFAULT_SEED, count: DEFAULT_COUNT })).toBe(committed)
  })

  it('should refuse a count too small to hold every kind of event', () => {
    expect(() => generateEvents({ count: 3 })).toThrow(RangeError)
  })

  it('should hold at least 1,000 events, a blank line and a few broken lines', () => {
    const objects = lines.map(parseObject)
    const events = objects.filter((o) => o !== undefined && Object.keys(o).length > 0)
    expect(events.length).toBeGreaterThanOrEqual(1000)
    expect(lines.filter((l) => l.trim() === '')).toHaveLength(1)
    const broken = lines.filter((l, i) => l.trim() !== '' && objects[i] === undefined)
    expect(broken.length).toBeGreaterThanOrEqual(4)
    expect(broken.length).toBeLessThan(20)
  })

  it('should mix Deep Visibility (nested) and Cloud Funnel (flat) events', () => {
    const objects = lines.map(parseObject).filter((o) => o !== undefined)
    const cloudFunnel = objects.filter((o) => typeof o['event.type'] === 'string')
    const deepVisibility = objects.filter((o) => 'tcpv4' in o && 'processCreation' in o)
    expect(cloudFunnel.length).toBeGreaterThan(300)
    expect(deepVisibility.length).toBeGreaterThan(300)
    // Deep Visibility: exactly one non-null event object besides the timestamp.
    for (const event of deepVisibility) {
      const present = Object.keys(event).filter((k) => k !== 'timestamp' && event[k] !== null)
      expect(present).toHaveLength(1)
    }
    const ipv6 = cloudFunnel.filter((o) => String(o['src.ip.address']).includes(':'))
    expect(ipv6.length).toBeGreaterThan(0)
  })

  it('should date every event in 2024-2026', () => {
    const start = Date.UTC(2024, 0, 1)
    const end = Date.UTC(2027, 0, 1)
    for (const event of lines.map(parseObject)) {
      if (event === undefined || Object.keys(event).length === 0) continue
      const time = eventTime(event)
      expect(time, JSON.stringify(event).slice(0, 200)).toBeDefined()
      expect(time! >= start && time! < end, `${time} in 2024-2026`).toBe(true)
    }
  })
})
