import type { MatchCompare, MatchCondition, MatchValue } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import type { FrontMatterKey } from '../front-matter.js'
import { decidePath } from '../paths/decide.js'
import { readFieldPath } from '../paths/field-path.js'
import { matchInvalid } from '../rules/match-invalid.js'
import type { MessageIdOf, RuleData } from '../rules/rule.js'

/**
 * Reads the explicit `match:` front matter key:
 * - `match: tcpv4`: the field is present and not null;
 * - `match: { event.type: DNS }`: the field equals the value;
 * - `match: { event.type: [GET, POST] }`: it equals one of them.
 * All entries must hold. With `compare` `loose` (front matter
 * `match-compare: loose`) the values are compared without regard to case and
 * whitespace; they are kept as written. Returns undefined on error (reported).
 */
export function readFrontMatterMatch(ctx: FileContext, entry: FrontMatterKey, sample: unknown, compare: MatchCompare = 'exact'): MatchCondition[] | undefined {
  const place = ctx.lines.position(entry.valueStart, Math.max(entry.valueEnd, entry.valueStart + 1))
  const fail = <Id extends MessageIdOf<typeof matchInvalid>>(messageId: Id, data: RuleData<typeof matchInvalid, Id>): undefined => {
    matchInvalid.report(ctx, messageId, data, place)
    return undefined
  }
  const pathOf = (text: string) => {
    const read = readFieldPath(text)
    if (!read.ok) return fail('path', { path: text, reason: read.reason })
    return decidePath(read.draft, sample).path
  }

  const value = entry.value
  if (typeof value === 'string') {
    const path = pathOf(value.trim())
    return path ? [{ op: 'present', path }] : undefined
  }
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.every((item): item is string => typeof item === 'string')) {
      return fail('list', {})
    }
    const conditions: MatchCondition[] = []
    for (const item of value) {
      const path = pathOf(item.trim())
      if (!path) return undefined
      conditions.push({ op: 'present', path })
    }
    return conditions
  }
  if (value === null || typeof value !== 'object') {
    return fail('scalar', { found: value === null ? 'empty value' : typeof value })
  }
  const conditions: MatchCondition[] = []
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return fail('emptyMapping', {})
  for (const [key, expected] of entries) {
    const path = pathOf(key)
    if (!path) return undefined
    const values = Array.isArray(expected) ? expected : [expected]
    if (values.length === 0) return fail('emptyList', { key })
    if (!values.every(isMatchValue)) return fail('valueType', { key })
    conditions.push(compare === 'loose' ? { op: 'equals', path, values: dedupe(values), compare } : { op: 'equals', path, values: dedupe(values) })
  }
  return conditions
}

function isMatchValue(value: unknown): value is MatchValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
}

function dedupe(values: MatchValue[]): MatchValue[] {
  return values.filter((value, index) => values.indexOf(value) === index)
}
