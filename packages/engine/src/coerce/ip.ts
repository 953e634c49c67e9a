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
 * longest zero run compressed). IPv4-mapped IPv6 addresses stay IPv6, written
 * with the dotted tail that RFC 5952 section 5 recommends (`::ffff:1.2.3.4`).
 * A zone id (`fe80::1%eth0`) is kept as written.
 */
export function coerceIp(value: unknown): CoercionResult {
  if (typeof value !== 'string' || value.length > MAX_IP_TEXT) return invalidIp(value)
  if (IPV4_TEXT.test(value)) return valueResult(value)
  if (!value.includes(':') || !ipaddr.IPv6.isValid(value)) return invalidIp(value)
  // An embedded IPv4 tail must be as strict as a plain IPv4 address.
  if (value.includes('.') && !IPV4_TAIL.test(value)) return invalidIp(value)
  const address = ipaddr.IPv6.parse(value)
  if (address.isIPv4MappedAddress()) {
    const zone = address.zoneId === undefined ? '' : `%${address.zoneId}`
    return valueResult(`::ffff:${address.toIPv4Address().toString()}${zone}`)
  }
  return valueResult(address.toRFC5952String())
}

function invalidIp(value: unknown): CoercionResult {
  return issueResult('invalid_ip', `Unexpected ${describeValue(value)} for an ip field, expected an IPv4 or IPv6 address`)
}
