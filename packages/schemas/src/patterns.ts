// Patterns as JavaScript regular expression sources, so that the same text serves the
// value checks here and the `pattern` keyword of the generated JSON Schemas.

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`
const H = '[0-9A-Fa-f]{1,4}'

// Every IPv6 text form of RFC 4291 §2.2: eight groups, one `::` standing for one or more
// zero groups anywhere, and an IPv4 tail in place of the last two groups; an optional zone.
function ipv6(): string {
  const forms: string[] = []
  // n explicit groups on the left of `::`, m on the right, n + m <= 7 (or 8 without `::`).
  forms.push(`(?:${H}:){7}${H}`, `(?:${H}:){6}${IPV4}`)
  for (let left = 0; left <= 7; left++) {
    for (const tail of ['hex', 'v4'] as const) {
      const room = (tail === 'v4' ? 6 : 8) - 1 - left
      if (room < 0) continue
      const leftPart = left === 0 ? '' : left === 1 ? H : `(?:${H}:){${left - 1}}${H}`
      const end = tail === 'v4' ? IPV4 : H
      const rightPart = tail === 'v4' ? (room === 0 ? IPV4 : `(?:${H}:){0,${room}}${end}`) : room === 0 ? '' : room === 1 ? `(?:${end})?` : `(?:(?:${H}:){0,${room - 1}}${end})?`
      if (tail === 'v4' && room === 0 && left === 0) continue
      forms.push(`${leftPart}::${rightPart}`)
    }
  }
  return `(?:${forms.join('|')})(?:%[0-9A-Za-z._~-]+)?`
}

/** An IPv4 address in dotted-quad form, or an IPv6 address in any RFC 4291 text form. */
export const IP_PATTERN = `^(?:${IPV4}|${ipv6()})$`
