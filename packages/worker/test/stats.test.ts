/**
 * The worker's JSON stats line counts events with the names and values of
 * `engine.stats()` (the names `mapdown map --stats` prints too: examples/test/embed.test.ts),
 * and its own counters, about messages, never reuse one of those names.
 */
import { fileURLToPath } from 'node:url'
import { compileFiles } from '@mapdown/compiler'
import { createEngine, emptyStats } from '@mapdown/engine'
import { describe, expect, it } from 'vitest'
import { emptyCounters, StatsReporter } from '../src/stats.js'
import { networkEvent } from './events.js'

const DICTIONARIES = fileURLToPath(new URL('./fixtures/dictionaries/', import.meta.url))

describe('StatsReporter', () => {
  it("should hold engine.stats() as it is, every name and value, beside the worker's own counters", async () => {
    const compiled = await compileFiles([DICTIONARIES], { cwd: DICTIONARIES })
    expect(compiled.errorCount).toBe(0)
    const engine = createEngine(compiled.ir)
    for (const line of [JSON.stringify(networkEvent(1)), '{"broken":', '{"unknown":true}']) engine.mapLine(line)
    const events = engine.stats()
    expect(events.read).toBe(3)

    const now = 1_000
    const counters = { ...emptyCounters(), messages: 3, acked: 3 }
    const line: Record<string, unknown> = { ...new StatsReporter('test-worker', () => now).line(counters, events, { inFlight: 0, connected: true }) }
    for (const [name, value] of Object.entries(events)) expect({ [name]: line[name] }).toEqual({ [name]: value })
    for (const [name, value] of Object.entries(counters)) expect({ [name]: line[name] }).toEqual({ [name]: value })
  })

  it("should never give one of its own counters the name of an engine count", () => {
    const engineNames = Object.keys(emptyStats())
    expect(Object.keys(emptyCounters()).filter((name) => engineNames.includes(name))).toEqual([])
  })
})
