import ipaddr from 'ipaddr.js'
import { describeValue } from './describe.js'
import { issueResult, valueResult, type CoercionResult } from './result.js'

/**
 * Four decimal parts of 0-255 without leading zeros. ipaddr.js on its own also
 * accepts the lenient inet_aton forms (`1.2.3`, `0x7f.1`, octal `010.1.1.1`),
 * which mean different addresses to different tools; we refuse them.
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4_TEXT = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`)
const IPV4_TAIL = new RegExp(`:${OCTET}(?:\\.${OCTET}){3}(?:%.*)?$`)

/** The longest IPv6 text (45 characters) plus room for a zone id. */
const MAX_IP_TEXT = 100

/**
 * `ip`: IPv4 as a dotted quad, IPv6 in RFC 5952 canonical text (lower case,
 * longest zero run compressed). An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`,
 * what a dual-stack socket reports for an IPv4 peer) is the IPv4 host, written
 * as IPv4, so that one host has one spelling and joins on addresses work.
 * A zone id (`fe80::1%eth0`) is kept as written; a mapped address with a zone
 * id stays IPv6 text (IPv4 has no zones, and dropping it would lose data).
 */
export function coerceIp(value: unknown): CoercionResult {
  if (typeof value !== 'string' || value.length > MAX_IP_TEXT) return invalidIp(value)
  if (IPV4_TEXT.test(value)) return valueResult(value)
  if (!value.includes(':') || !ipaddr.IPv6.isValid(value)) return invalidIp(value)
  // An embedded IPv4 tail must be as strict as a plain IPv4 address.
  if (value.includes('.') && !IPV4_TAIL.test(value)) return invalidIp(value)
  const address = parseIpv6(value)
  if (address.isIPv4MappedAddress()) {
    const ipv4 = address.toIPv4Address().toString()
    return valueResult(address.zoneId === undefined ? ipv4 : `::ffff:${ipv4}%${address.zoneId}`)
  }
  return valueResult(address.toRFC5952String())
}

/** A mapped address written with a dotted tail: `ffff:` right before it. */
const MAPPED_DOTTED_TAIL = /ffff:[\d.]+(?:%.*)?$/i

/**
 * ipaddr.js reads `::1.2.3.4` (the deprecated IPv4-compatible form, RFC 4291
 * 2.5.5.1) as `::ffff:1.2.3.4`; they are different addresses, and only the
 * mapped one is an IPv4 host. Undo that reading.
 */
function parseIpv6(text: string): ipaddr.IPv6 {
  const address = ipaddr.IPv6.parse(text)
  if (!address.isIPv4MappedAddress() || !text.includes('.') || MAPPED_DOTTED_TAIL.test(text)) return address
  const parts = [...address.parts]
  parts[5] = 0
  const compatible = new ipaddr.IPv6(parts)
  if (address.zoneId !== undefined) compatible.zoneId = address.zoneId
  return compatible
}

function invalidIp(value: unknown): CoercionResult {
  return issueResult('invalid_ip', `Unexpected ${describeValue(value)} for an ip field, expected an IPv4 or IPv6 address`)
}
