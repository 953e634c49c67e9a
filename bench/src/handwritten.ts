/**
 * The hand-written mapper for the original dictionary
 * (dictionaries/sentinelone/network-connection.md): what a careful engineer
 * would write by hand for this one event type, and the yardstick mapdown is
 * measured against.
 *
 * Fairness: it does the same work as mapdown for a valid event. It reads the
 * six fields directly, checks that the addresses are IPv4, the ports and pid
 * integers and the time epoch milliseconds in a sane range (the same rules
 * as mapdown's coercions), writes the time as ISO 8601, and
 * appends the same `@mapdown` metadata object mapdown appends, so the JSON it
 * writes is byte for byte mapdown's (the bench checks this before timing).
 * What it does not do: per-field issue lists (an invalid value is simply left
 * out), statistics, routing among several dictionaries, or line limits.
 */

/** The metadata mapdown appends under `@mapdown` for this dictionary (contract: docs/architecture.md). */
export const NETWORK_CONNECTION_METADATA = Object.freeze({
  dictionary: 'sentinelone/NetworkConnection',
  rule: 'NetworkConnection',
  logType: 'sentinelone',
})

export interface NetworkConnectionRecord {
  src_ip?: string
  src_port?: number
  dst_ip?: string
  dst_port?: number
  process_id?: number
  event_date_creation?: string
  '@mapdown': typeof NETWORK_CONNECTION_METADATA
}

/** A dotted-quad IPv4 address, each part 0-255 without leading zeros; scanned by char code, no regex, no split. */
export function ipv4(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const length = value.length
  if (length < 7 || length > 15) return undefined
  let dots = 0
  let part = 0
  let digits = 0
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i)
    if (code === 46 /* . */) {
      if (digits === 0 || ++dots > 3) return undefined
      part = 0
      digits = 0
    } else if (code >= 48 && code <= 57) {
      if (digits === 1 && part === 0) return undefined // leading zero
      part = part * 10 + (code - 48)
      if (++digits > 3 || part > 255) return undefined
    } else {
      return undefined
    }
  }
  return dots === 3 && digits > 0 ? value : undefined
}

/** A safe integer, from a number or a decimal string (surrounding whitespace and a sign allowed, as mapdown allows). */
export function integer(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined
  if (typeof value !== 'string' || value.length > 400 || !INTEGER_TEXT.test(value)) return undefined
  const parsed = Number(value)
  return Number.isSafeInteger(parsed) ? parsed : undefined
}

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/
const DECIMAL_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/
/** The instants a pipeline can believe: 1970-01-01 up to (not including) 2200-01-01, as mapdown checks. */
const LATEST_MS = Date.UTC(2200, 0, 1)

/** Epoch milliseconds (a number or a decimal string) as ISO 8601 UTC, fractions truncated toward the past. */
export function epochMsToIso(value: unknown): string | undefined {
  let ms: number
  if (typeof value === 'number') ms = value
  else if (typeof value === 'string' && value.length <= 400 && DECIMAL_TEXT.test(value)) ms = Number(value)
  else return undefined
  ms = Math.floor(ms)
  return ms >= 0 && ms < LATEST_MS ? new Date(ms).toISOString() : undefined
}

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- raw events are untyped JSON

/** Maps one parsed event, or returns null when it is not a NetworkConnection (tcpv4) event. */
export function mapNetworkConnection(event: unknown): NetworkConnectionRecord | null {
  if (event === null || typeof event !== 'object') return null
  const tcpv4 = (event as Json)['tcpv4'] as Json | null | undefined
  if (tcpv4 === null || typeof tcpv4 !== 'object') return null
  const record: Partial<NetworkConnectionRecord> = {}
  // Assigned in the dictionary's field order so the JSON key order matches mapdown's.
  const srcIp = ipv4(tcpv4['sourceAddress']?.address)
  if (srcIp !== undefined) record.src_ip = srcIp
  const srcPort = integer(tcpv4['sourceAddress']?.port)
  if (srcPort !== undefined) record.src_port = srcPort
  const dstIp = ipv4(tcpv4['destinationAddress']?.address)
  if (dstIp !== undefined) record.dst_ip = dstIp
  const dstPort = integer(tcpv4['destinationAddress']?.port)
  if (dstPort !== undefined) record.dst_port = dstPort
  const pid = integer(tcpv4['source']?.fullPid?.pid)
  if (pid !== undefined) record.process_id = pid
  const created = epochMsToIso((event as Json)['timestamp']?.millisecondsSinceEpoch)
  if (created !== undefined) record.event_date_creation = created
  record['@mapdown'] = NETWORK_CONNECTION_METADATA
  return record as NetworkConnectionRecord
}

/** One NDJSON line in, one NDJSON line (without newline) out, or null when the line is rejected. */
export function mapNetworkConnectionLine(line: string): string | null {
  let event: unknown
  try {
    event = JSON.parse(line)
  } catch {
    return null
  }
  const record = mapNetworkConnection(event)
  return record === null ? null : JSON.stringify(record)
}
