import type { Engine } from './types.js'

/** What an engine really runs, for tests and benchmarks only: no production code reads it. */
export interface EngineInternals {
  readonly mode: 'compiled' | 'interpreted'
  /** Dictionaries with a generated mapper. */
  readonly generatedMappers: number
  /** Dictionaries with a generated projection (with the `schema` option). */
  readonly generatedProjectors: number
  /** Events mapped by a generated mapper so far: proof that the fast path ran. */
  readonly fastPathRuns: () => number
  /** Lines read by the selective parser (scan/) instead of JSON.parse so far. */
  readonly selectiveReads: () => number
  /** Turns selective reading (compiled mode, a known read set) on or back off; off by default (docs/parse-floor.md). */
  readonly setSelectiveReading: (on: boolean) => void
}

const internals = new WeakMap<Engine, EngineInternals>()

export function registerInternals(engine: Engine, value: EngineInternals): void {
  internals.set(engine, value)
}

export function engineInternals(engine: Engine): EngineInternals | undefined {
  return internals.get(engine)
}
