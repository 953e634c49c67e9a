/**
 * The hand-written mapper for Cloud Funnel IP Connect events, as the library maps them
 * (dictionaries/sentinelone-cloud-funnel/ip.md with its partials common/envelope.md and
 * common/acting-process.md): what a careful engineer writes by hand for this one event
 * type, field by field, and the yardstick for the Cloud Funnel rows.
 *
 * Fairness: the same work as mapdown for a valid event, with the same rules: routing on
 * `event.category` and `event.type` (compared as mapdown's `match-compare: loose` does:
 * case and spaces ignored), strings kept (numbers and booleans as their text), integers
 * checked safe, IPv4 addresses checked, epoch milliseconds written as ISO 8601, null and
 * `E_UNSUPPORTED` left out, and the same `@mapdown` metadata: its JSON is mapdown's, byte
 * for byte (bench/test/fairness.test.ts and the bench's check before timing prove it).
 * What it skips: field issue lists, statistics, IPv6, other event types.
 */
import { epochMsToIso, integer, ipv4 } from './handwritten.js'

export const CLOUD_FUNNEL_IP_METADATA = Object.freeze({
  dictionary: 'sentinelone-cloud-funnel/IP',
  rule: 'IP',
  logType: 'sentinelone-cloud-funnel',
})

/** A string field: strings as they are, numbers and booleans as text, the rest left out. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === 'E_UNSUPPORTED' ? undefined : value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return undefined
}

/** `IP Connect`, `IPConnect`, `ip listen`, ...: the two types the dictionary routes, compared loosely. */
function isIpType(value: unknown): boolean {
  if (value === 'IP Connect' || value === 'IP Listen') return true
  if (typeof value !== 'string') return false
  const key = value.replace(/\s+/g, '').toLowerCase()
  return key === 'ipconnect' || key === 'iplisten'
}

type Json = Record<string, unknown>

/** Maps one parsed event, or returns null when it is not an IP event. */
export function mapCloudFunnelIp(event: unknown): Json | null {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return null
  const e = event as Json
  const category = e['event.category']
  if (!(category === 'ip' || (typeof category === 'string' && category.replace(/\s+/g, '').toLowerCase() === 'ip')) || !isIpType(e['event.type'])) return null
  const r: Json = {}
  let v: unknown
  // In the dictionary's order (envelope, acting process, connection), so the key order is mapdown's.
  if ((v = text(e['event.type'])) !== undefined) r['event_type'] = v
  if ((v = text(e['event.category'])) !== undefined) r['event_category'] = v
  if ((v = text(e['meta.event.name'])) !== undefined) r['event_name'] = v
  if ((v = text(e['event.id'])) !== undefined) r['event_id'] = v
  if ((v = epochMsToIso(e['event.time'])) !== undefined) r['event_date_creation'] = v
  if ((v = text(e['endpoint.name'])) !== undefined) r['host_name'] = v
  if ((v = text(e['endpoint.os'])) !== undefined) r['host_os'] = v
  if ((v = text(e['endpoint.type'])) !== undefined) r['host_type'] = v
  if ((v = text(e['os.name'])) !== undefined) r['host_os_name'] = v
  if ((v = text(e['agent.uuid'])) !== undefined) r['agent_id'] = v
  if ((v = text(e['agent.version'])) !== undefined) r['agent_version'] = v
  if ((v = text(e['account.id'])) !== undefined) r['management_account_id'] = v
  if ((v = text(e['site.id'])) !== undefined) r['management_site_id'] = v
  if ((v = text(e['site.name'])) !== undefined) r['management_site_name'] = v
  if ((v = text(e['group.id'])) !== undefined) r['management_group_id'] = v
  if ((v = text(e['src.process.name'])) !== undefined) r['process_name'] = v
  if ((v = integer(e['src.process.pid'])) !== undefined) r['process_id'] = v
  if ((v = text(e['src.process.cmdline'])) !== undefined) r['process_command_line'] = v
  if ((v = text(e['src.process.image.path'])) !== undefined) r['process_path'] = v
  if ((v = text(e['src.process.image.md5'])) !== undefined) r['process_hash_md5'] = v
  if ((v = text(e['src.process.image.sha1'])) !== undefined) r['process_hash_sha1'] = v
  if ((v = text(e['src.process.image.sha256'])) !== undefined) r['process_hash_sha256'] = v
  if ((v = text(e['src.process.displayName'])) !== undefined) r['process_display_name'] = v
  if ((v = text(e['src.process.uid'])) !== undefined) r['process_guid'] = v
  if ((v = text(e['src.process.storyline.id'])) !== undefined) r['process_storyline_id'] = v
  if ((v = epochMsToIso(e['src.process.startTime'])) !== undefined) r['process_start_time'] = v
  if ((v = text(e['src.process.integrityLevel'])) !== undefined) r['process_integrity_level'] = v
  if ((v = integer(e['src.process.sessionId'])) !== undefined) r['process_session_id'] = v
  if ((v = text(e['src.process.signedStatus'])) !== undefined) r['process_signed_status'] = v
  if ((v = text(e['src.process.publisher'])) !== undefined) r['process_publisher'] = v
  if ((v = text(e['src.process.user'])) !== undefined) r['user_name'] = v
  if ((v = text(e['src.process.parent.name'])) !== undefined) r['process_parent_name'] = v
  if ((v = integer(e['src.process.parent.pid'])) !== undefined) r['process_parent_id'] = v
  if ((v = text(e['src.process.parent.cmdline'])) !== undefined) r['process_parent_command_line'] = v
  if ((v = text(e['src.process.parent.image.path'])) !== undefined) r['process_parent_path'] = v
  if ((v = text(e['src.process.parent.image.sha256'])) !== undefined) r['process_parent_hash_sha256'] = v
  if ((v = text(e['src.process.parent.uid'])) !== undefined) r['process_parent_guid'] = v
  if ((v = text(e['src.process.parent.storyline.id'])) !== undefined) r['process_parent_storyline_id'] = v
  if ((v = epochMsToIso(e['src.process.parent.startTime'])) !== undefined) r['process_parent_start_time'] = v
  if ((v = text(e['src.process.parent.user'])) !== undefined) r['process_parent_user_name'] = v
  if ((v = ipv4(e['src.ip.address'])) !== undefined) r['src_ip'] = v
  if ((v = integer(e['src.port.number'])) !== undefined) r['src_port'] = v
  if ((v = ipv4(e['dst.ip.address'])) !== undefined) r['dst_ip'] = v
  if ((v = integer(e['dst.port.number'])) !== undefined) r['dst_port'] = v
  if ((v = text(e['event.network.direction'])) !== undefined) r['network_direction'] = v
  if ((v = text(e['event.network.protocolName'])) !== undefined) r['network_transport'] = v
  if ((v = text(e['event.network.connectionStatus'])) !== undefined) r['event_status'] = v
  r['@mapdown'] = CLOUD_FUNNEL_IP_METADATA
  return r
}

/** One NDJSON line in, one NDJSON line (without newline) out, or null when the line is rejected. */
export function mapCloudFunnelIpLine(line: string): string | null {
  let event: unknown
  try {
    event = JSON.parse(line)
  } catch {
    return null
  }
  const record = mapCloudFunnelIp(event)
  return record === null ? null : JSON.stringify(record)
}
