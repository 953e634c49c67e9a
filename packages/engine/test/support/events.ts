import fc from 'fast-check'
import type { MappingIR, PathIR } from '@mapdown/ir'

/** Keys that reach prototypes or built-ins when read carelessly. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'length'] as const

/** Values a field may meet: every type's good and bad cases, absent markers, numbers beyond 2^53. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 'E_UNSUPPORTED', 'E_TRUE', 'E_FALSE', true, false, 0, 1, -0),
  fc.constantFrom(2 ** 53, 2 ** 53 + 2, 18446732429235951616, '18446732429235951616', '9223372036854775807', '9007199254740993'),
  fc.constantFrom('1571933515865', 1571933515865, '2019-10-24T16:11:55.865Z', '2019-13-45', '4/11/18 5:25', '1571933515.865'),
  fc.constantFrom('999.1.1.1', '1.2.3', '::FFFF:1.2.3.4', '2001:DB8::1', 'TCPV4', 'IPConnect', 'FileCreation', 'tcpv4'),
  // Spellings that only \`match-compare: loose\` routes (case, spaces, tabs, no-break spaces), and near misses.
  fc.constantFrom('IP Connect', 'ip connect', ' IPCONNECT\t', 'Ip\u00a0Connect', 'IP-Connect', 'Process Creation', 'process', 'Process', 'dns', ' DNS '),
  fc.constantFrom('REGVALUECREATE', 'reg value create', 'Seven', 'SEVEN', '7', 7, 'Login', 'login', '1'),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.ipV4(),
  fc.ipV6(),
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'type', 'data', ...HOSTILE_KEYS), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxKeys: 3 }),
)

/** Where values go: every path the IR reads, in the forms the IR allows (nested and flat for `either`). */
export function placements(ir: MappingIR): (readonly (string | number)[])[] {
  const paths: PathIR[] = ir.dictionaries.flatMap((d) => [...d.match.all.map((c) => c.path), ...d.fields.map((f) => f.path)])
  const out: (readonly (string | number)[])[] = []
  for (const path of paths) {
    if (path.kind === 'nested') out.push(path.segments)
    else if (path.kind === 'flat') out.push([path.key])
    else if (path.kind === 'either') out.push(path.segments, [path.key])
  }
  // The JSONPath fields of the fixtures read `dns.answers[*]`: give them arrays to filter.
  out.push(['dns', 'answers', 0, 'type'], ['dns', 'answers', 0, 'data'], ['dns', 'answers', 1, 'type'], ['dns', 'answers', 1, 'data'])
  return out
}

/** Sets an own property, never a prototype, whatever the key. */
function define(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (Array.isArray(target) && typeof key === 'string') return // an array's keys are its indexes (and a fixed length)
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
}

function place(event: Record<string, unknown>, segments: readonly (string | number)[], value: unknown): void {
  let current: Record<string, unknown> | unknown[] = event
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1
    const own = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment as string] : undefined
    if (last) {
      define(current, segment, value)
      return
    }
    if (own !== null && typeof own === 'object') {
      current = own as Record<string, unknown>
      continue
    }
    if (own !== undefined) return // a scalar is in the way: leave it
    const next = typeof segments[index + 1] === 'number' ? [] : {}
    define(current, segment, next)
    current = next
  }
}

/**
 * Random events shaped like the IR's paths, as NDJSON text (so that
 * `__proto__` keys are own properties exactly as JSON.parse makes them),
 * with hostile keys sprinkled at the top and under the paths.
 */
export function eventLine(ir: MappingIR): fc.Arbitrary<string> {
  const where = placements(ir)
  // Most events should reach a dictionary: place one dictionary's match conditions first.
  // Loose conditions get a second route, with their values spelled another way (`I P C O N N E C T`).
  const routeOf = (dictionary: MappingIR['dictionaries'][number], respell: boolean) =>
    dictionary.match.all.flatMap((condition): [readonly (string | number)[], unknown][] => {
      let value: unknown = condition.op === 'equals' ? condition.values[0] : {}
      if (respell && condition.op === 'equals' && condition.compare === 'loose' && typeof value === 'string') value = value.toUpperCase().split('').join(' ')
      const path = condition.path
      if (path.kind === 'nested' || path.kind === 'either') return [[path.segments, value]]
      if (path.kind === 'flat') return [[[path.key], value]]
      return []
    })
  const routes = ir.dictionaries.flatMap((dictionary) => [
    routeOf(dictionary, false),
    ...(dictionary.match.all.some((c) => c.op === 'equals' && c.compare === 'loose') ? [routeOf(dictionary, true)] : []),
  ])
  return fc
    .tuple(
      fc.option(fc.constantFrom(...routes), { freq: 4 }),
      fc.array(fc.tuple(fc.constantFrom(...where), fieldValue), { maxLength: 14 }),
      fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom(...where), fieldValue), { maxLength: 3 }),
    )
    .map(([route, values, hostile]) => {
      const event: Record<string, unknown> = {}
      for (const [segments, value] of route ?? []) place(event, segments, value)
      for (const [segments, value] of values) place(event, segments, value)
      for (const [key, segments, value] of hostile) place(event, [...segments.slice(0, -1), key], value)
      return JSON.stringify(event, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))
    })
}
