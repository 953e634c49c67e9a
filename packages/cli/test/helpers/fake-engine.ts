/**
 * A stand-in engine for unit tests of the CLI's plumbing (batching, ordering,
 * accounting), so they do not depend on the real engine's semantics. Events
 * `{"kind": "<name>", "n": <number>}` map to dictionary `test/<name>`; `kind`
 * "bad" gives a field issue; anything else is rejected like the engine would.
 */
import { emptyStats, type Engine, type EngineStats, type MapResult, type NdjsonLine, type OnFieldError } from '@mapdown/engine'

export function fakeEngine(onFieldError: OnFieldError = 'keep'): Engine {
  const map = (event: unknown): MapResult => {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      return { ok: false, reason: 'not_an_object', message: 'Unexpected non-object' }
    }
    const { kind, n } = event as { kind?: unknown; n?: unknown }
    if (typeof kind !== 'string') return { ok: false, reason: 'no_matching_dictionary', message: 'No dictionary' }
    const dictionary = `test/${kind}`
    if (kind === 'bad') {
      const issues = [{ field: 'n', path: 'n', code: 'not_an_integer' as const, message: 'Unexpected n', value: n }]
      if (onFieldError === 'reject') return { ok: false, reason: 'field_error', message: 'Field error', dictionary, issues }
      return { ok: true, dictionary, record: { '@mapdown': { dictionary, rule: kind, logType: 'test', issues } } as never, issues }
    }
    return { ok: true, dictionary, record: { n, '@mapdown': { dictionary, rule: kind, logType: 'test' } } as never, issues: [] }
  }
  // Stats as the real engine keeps them, from the results given so far.
  let results: MapResult[] = []
  const counted = (result: MapResult): MapResult => {
    results.push(result)
    return result
  }
  const mapLine = (line: string): MapResult => {
    let event: unknown
    try {
      event = JSON.parse(line)
    } catch (error) {
      return { ok: false, reason: 'invalid_json', message: (error as Error).message }
    }
    return map(event)
  }
  const stats = (): EngineStats => {
    const tally = (keys: string[]) => {
      const record: Record<string, number> = {}
      for (const key of keys.sort()) record[key] = (record[key] ?? 0) + 1
      return record
    }
    const issues = results.flatMap((result) => result.issues ?? [])
    return {
      ...emptyStats(),
      read: results.length,
      mapped: results.filter((result) => result.ok).length,
      rejected: results.filter((result) => !result.ok).length,
      rejectedByReason: tally(results.flatMap((result) => (result.ok ? [] : [result.reason]))),
      mappedByDictionary: tally(results.flatMap((result) => (result.ok ? [result.dictionary] : []))),
      fieldIssues: issues.length,
      fieldIssuesByField: tally(issues.map((issue) => issue.field)),
    }
  }
  return {
    map: (event: unknown) => counted(map(event)),
    mapLine: (line: string) => counted(mapLine(line)),
    mapFramedLine: (line: NdjsonLine) => counted('error' in line ? { ok: false, reason: line.error, message: line.message } : mapLine(line.text)),
    stats(options?: { reset?: boolean }) {
      const snapshot = stats()
      if (options?.reset === true) results = []
      return snapshot
    },
    dictionaries: [],
  } as unknown as Engine
}
