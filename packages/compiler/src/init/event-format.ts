import type { MatchValue } from '@mapdown/ir'
import { EVENT_ENVELOPE } from '../routing/envelope.js'

/**
 * What kind of SentinelOne event a sample is, and what routes it.
 * - `cloud-funnel`: one flat object with dotted keys; routed on the values of
 *   `event.category` and `event.type` (compared loosely: Cloud Funnel writes
 *   both `File Creation` and `FileCreation`).
 * - `deep-visibility`: nested; every event object key is present, all null but
 *   one: that key routes it (written in the Event Types table).
 * - `keyed`: any other event, routed on the value at a key the author names.
 */
export type EventFormat =
  | { readonly kind: 'cloud-funnel'; readonly eventType: string; readonly match: ReadonlyArray<readonly [string, MatchValue]> }
  | { readonly kind: 'deep-visibility'; readonly eventObject: string }
  | { readonly kind: 'keyed'; readonly key: string; readonly value: MatchValue }

export const CLOUD_FUNNEL_KEYS = ['event.category', 'event.type'] as const


export type FormatResult = { ok: true; format: EventFormat } | { ok: false; reason: string }

/** Recognises the event's format; `routingKey` (a flat key or a dotted path) overrides it. */
export function eventFormat(event: Readonly<Record<string, unknown>>, routingKey?: string): FormatResult {
  if (routingKey !== undefined) {
    const value = valueAt(event, routingKey)
    if (value === undefined || (value !== null && typeof value === 'object')) {
      return { ok: false, reason: `the event has no scalar value at \`${routingKey}\` to route on` }
    }
    if (typeof event['event.type'] === 'string' && routingKey === 'event.type') return cloudFunnel(event)
    return { ok: true, format: { kind: 'keyed', key: routingKey, value: value as MatchValue } }
  }
  if (typeof event['event.type'] === 'string') return cloudFunnel(event)
  const objects = Object.keys(event).filter((key) => {
    const value = event[key]
    return !EVENT_ENVELOPE.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)
  })
  const nulls = Object.keys(event).filter((key) => event[key] === null)
  if (objects.length === 1 && objects[0] !== undefined && nulls.length > 0) {
    return { ok: true, format: { kind: 'deep-visibility', eventObject: objects[0] } }
  }
  return {
    ok: false,
    reason:
      objects.length > 1
        ? `neither a Cloud Funnel event (no \`event.type\` key) nor a Deep Visibility event (${objects.length} non-null event objects: ${objects.slice(0, 4).map((key) => `\`${key}\``).join(', ')})`
        : 'neither a Cloud Funnel event (no `event.type` key) nor a Deep Visibility event (one non-null event object among null ones)',
  }
}

function cloudFunnel(event: Readonly<Record<string, unknown>>): FormatResult {
  const eventType = event['event.type'] as string
  const match = CLOUD_FUNNEL_KEYS.filter((key) => typeof event[key] === 'string').map((key) => [key, event[key] as string] as const)
  return { ok: true, format: { kind: 'cloud-funnel', eventType, match } }
}

/** A flat key first (Cloud Funnel), else a walk through nested objects. */
export function valueAt(event: unknown, key: string): unknown {
  if (event === null || typeof event !== 'object') return undefined
  if (Object.hasOwn(event, key)) return (event as Record<string, unknown>)[key]
  let value: unknown = event
  for (const segment of key.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined
    value = (value as Record<string, unknown>)[segment]
  }
  return value
}

/**
 * What tells this event's type apart when drafting one dictionary per type
 * from many events: the Cloud Funnel `event.type` compared loosely (as the
 * draft's `match-compare: loose` will), the Deep Visibility event object, or
 * the value at `routingKey`. Undefined when the event cannot be drafted.
 */
export function draftGroupOf(event: unknown, routingKey?: string): string | undefined {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return undefined
  const recognised = eventFormat(event as Record<string, unknown>, routingKey)
  if (!recognised.ok) return undefined
  const { format } = recognised
  switch (format.kind) {
    case 'cloud-funnel':
      return `event.type=${format.eventType.toLowerCase().replace(/\s+/g, '')}`
    case 'deep-visibility':
      return `object=${format.eventObject}`
    case 'keyed':
      return `${format.key}=${JSON.stringify(format.value)}`
  }
}
