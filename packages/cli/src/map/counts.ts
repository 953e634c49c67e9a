/**
 * The accounting of a `mapdown map` run: the engine's own stats
 * (`engine.stats()`), one snapshot per batch (in a worker thread or
 * in-process), added up in the main thread in input order with the engine's
 * `mergeStats`. Same names, same meaning: `read === mapped + rejected`.
 */
import { emptyStats, mergeStats, type EngineStats } from '@mapdown/engine'

/** The running totals; mutable so that the progress line can hold on to them. */
export type MapCounts = { -readonly [K in keyof EngineStats]: EngineStats[K] }

export function emptyCounts(): MapCounts {
  return { ...emptyStats() }
}

/** Adds `from` into `into`, in place. */
export function addCounts(into: MapCounts, from: EngineStats): void {
  Object.assign(into, mergeStats(into, from))
}
