/**
 * A stand-in engine for unit tests of the CLI's plumbing (batching, ordering,
 * accounting), so they do not depend on the real engine's semantics. Events
 * `{"kind": "<name>", "n": <number>}` map to dictionary `test/<name>`; `kind`
 * "bad" gives a field issue; anything else is rejected like the engine would.
 */
import type { Engine, MapResult } from '@mapdown/engine'

export function fakeEngine(onFieldError: 'keep' | 'reject' = 'keep'): Engine {
  const map = (event: unknown): MapResult => {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      return { ok: false, reason: 'not_an_object', message: 'Unexpected non-object' }
    }
    const { kind, n } = event as { kind?: unknown; n?: unknown }
    if (typeof kind !== 'string') return { ok: false, reason: 'no_matching_dictionary', message: 'No dictionary' }
    const dictionary = `test/${kind}`
    if (kind === 'bad') {
      const issues = [{ field: 'n', path: 'n', code: 'invalid_integer', message: 'Unexpected n', value: n }]
      if (onFieldError === 'reject') return { ok: false, reason: 'field_error', message: 'Field error', dictionary, issues }
      return { ok: true, dictionary, record: { '@mapdown': { dictionary, rule: kind, logType: 'test', issues } } as never, issues }
    }
    return { ok: true, dictionary, record: { n, '@mapdown': { dictionary, rule: kind, logType: 'test' } } as never, issues: [] }
  }
  return {
    map,
    mapLine(line: string): MapResult {
      let event: unknown
      try {
        event = JSON.parse(line)
      } catch (error) {
        return { ok: false, reason: 'invalid_json', message: (error as Error).message }
      }
      return map(event)
    },
    stats: () => {
      throw new Error('not used by the CLI')
    },
    dictionaries: [],
  } as unknown as Engine
}
