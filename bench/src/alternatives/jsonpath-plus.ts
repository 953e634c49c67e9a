/**
 * The generic alternative a user would pick first: jsonpath-plus evaluated
 * once per field, then the same coercions as the hand-written mapper, so the
 * row measures the cost of the path lookups and nothing else.
 */
import { JSONPath } from 'jsonpath-plus'
import { epochMsToIso, integer, ipv4, NETWORK_CONNECTION_METADATA } from '../handwritten.js'

interface FieldLookup {
  name: string
  path: string
  coerce: (value: unknown) => string | number | undefined
}

/** The original dictionary's Data Dictionary table, as JSONPath expressions. */
const FIELDS: readonly FieldLookup[] = [
  { name: 'src_ip', path: '$.tcpv4.sourceAddress.address', coerce: ipv4 },
  { name: 'src_port', path: '$.tcpv4.sourceAddress.port', coerce: integer },
  { name: 'dst_ip', path: '$.tcpv4.destinationAddress.address', coerce: ipv4 },
  { name: 'dst_port', path: '$.tcpv4.destinationAddress.port', coerce: integer },
  { name: 'process_id', path: '$.tcpv4.source.fullPid.pid', coerce: integer },
  { name: 'event_date_creation', path: '$.timestamp.millisecondsSinceEpoch', coerce: epochMsToIso },
]

const lookup = (path: string, json: unknown): unknown =>
  // `eval: false`: no script filters, as mapdown's own jsonpath fallback runs it.
  JSONPath({ path, json: json as object, wrap: false, eval: false })

export function mapWithJsonPath(event: unknown): Record<string, unknown> | null {
  if (event === null || typeof event !== 'object') return null
  const tcpv4 = lookup('$.tcpv4', event)
  if (tcpv4 === null || typeof tcpv4 !== 'object') return null
  const record: Record<string, unknown> = {}
  for (const field of FIELDS) {
    const value = field.coerce(lookup(field.path, event))
    if (value !== undefined) record[field.name] = value
  }
  record['@mapdown'] = NETWORK_CONNECTION_METADATA
  return record
}

export function mapLineWithJsonPath(line: string): string | null {
  const record = mapWithJsonPath(JSON.parse(line))
  return record === null ? null : JSON.stringify(record)
}
