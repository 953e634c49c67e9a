/**
 * Makes a new event from a dictionary sample by replacing the values a real
 * stream varies (addresses, ports, pids, times, hex ids) and keeping
 * everything else, including types: a number stays a number and a numeric
 * string stays a numeric string, so the sample's dictionary still accepts it.
 */
import type { Rng } from './rng.js'
import { randomIpv4 } from './network-connection.js'

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/
const HEX_ID = /^[0-9A-F]{16}$/
const EPOCH_MS_TEXT = /^1\d{12}$/
/** Epoch milliseconds between 2001 and 2286: big numbers of this size are times, not counters. */
const isEpochMs = (value: number): boolean => Number.isInteger(value) && value >= 1e12 && value < 1e13

export function varySample(sample: unknown, rng: Rng, timeBase: number): unknown {
  return vary(sample, '', rng, timeBase)
}

function vary(value: unknown, key: string, rng: Rng, timeBase: number): unknown {
  if (Array.isArray(value)) return value.map((item) => vary(item, key, rng, timeBase))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [childKey, child] of Object.entries(value)) out[childKey] = vary(child, childKey, rng, timeBase)
    return out
  }
  const lowerKey = key.toLowerCase()
  if (typeof value === 'number') {
    if (isEpochMs(value)) return timeBase + rng.int(0, 3_600_000)
    if (!Number.isInteger(value) || value < 0) return value
    if (lowerKey.includes('port')) return rng.int(1, 65535)
    if (lowerKey.includes('pid')) return rng.int(4, 65535)
    return value
  }
  if (typeof value === 'string') {
    if (IPV4.test(value)) return randomIpv4(rng)
    if (HEX_ID.test(value)) return rng.hex(16)
    if (EPOCH_MS_TEXT.test(value)) return String(timeBase + rng.int(0, 3_600_000))
  }
  return value
}
