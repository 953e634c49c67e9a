import type { DictionaryIR, PathIR } from '@mapdown/ir'
import { lookupAll } from '../interpret/lookup.js'

/** The key of an unmatched event that has none of the routing keys; its own top-level keys follow. */
export const NO_ROUTING_KEY = '(no routing key)'

/** How many of such an event's top-level keys are shown. */
const SHOWN_KEYS = 10

/** Longer values are cut (with `…`), so that one hostile event cannot make the stats large. */
const VALUE_CHARS = 100

/**
 * Describes an event by what it holds at the routing keys, the paths the
 * dictionaries' match conditions read, sorted and deduplicated:
 * `event.category=module event.type=Module Load`. Keys the event lacks are
 * left out; an event with none of them is described by its first top-level
 * keys in sorted order: `(no routing key) keys=destinationAddress,event_type,meta`.
 * Used only for events no dictionary matched, so it may be slow.
 */
export function routingKeyReader(dictionaries: readonly DictionaryIR[]): (event: Record<string, unknown>) => string {
  const paths = new Map<string, PathIR>()
  for (const dictionary of dictionaries) {
    for (const condition of dictionary.match.all) paths.set(condition.path.text, condition.path)
  }
  const routing = [...paths.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return (event) => {
    const parts: string[] = []
    for (const [text, path] of routing) {
      const values = lookupAll(event, path)
      if (values.length > 0) parts.push(`${text}=${values.map(shown).join(',')}`)
    }
    return parts.length === 0 ? ownKeys(event) : parts.join(' ')
  }
}

function ownKeys(event: Record<string, unknown>): string {
  const keys = Object.keys(event).sort()
  if (keys.length === 0) return NO_ROUTING_KEY
  const listed = keys.slice(0, SHOWN_KEYS).map(shown).join(',')
  return `${NO_ROUTING_KEY} keys=${listed}${keys.length > SHOWN_KEYS ? ',…' : ''}`
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : Array.isArray(value) ? '[…]' : value !== null && typeof value === 'object' ? '{…}' : String(value)
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text
}
