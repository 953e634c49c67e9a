import type { Engine, MapResult } from '../core/types.js'

/**
 * Maps an async source of events: strings are NDJSON lines (`mapLine`,
 * whitespace-only lines skipped as in NDJSON framing), anything else is an
 * already parsed event (`map`). One MapResult per event, in order; pulling
 * is driven by the consumer, so backpressure is natural.
 */
export async function* mapEvents(engine: Engine, source: AsyncIterable<string | object> | Iterable<string | object>): AsyncGenerator<MapResult, void, undefined> {
  for await (const item of source) {
    if (typeof item === 'string') {
      if (/^[ \t\r\n]*$/.test(item)) continue
      yield engine.mapLine(item)
    } else {
      yield engine.map(item)
    }
  }
}
