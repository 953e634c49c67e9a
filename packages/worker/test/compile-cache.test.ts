/**
 * `mapdown worker` and the compile cache (packages/cli/src/dictionaries/cache.ts): the
 * worker compiles `.md` dictionaries once and later starts from the cached IR, and what
 * it publishes is the same, byte for byte, with the cache, without it (`--no-cache`) and
 * with a damaged entry (ignored, and written again).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventPayloads } from './events.js'
import { natsAvailability, startNatsServer, type NatsServer } from './helpers/nats-server.js'
import { Scenario, type StoredMessage } from './helpers/scenario.js'

const TIMEOUT_MS = 240_000

const nats = natsAvailability()
if (!nats.run && nats.required) {
  it('should have nats-server installed (MAPDOWN_REQUIRE_NATS=1)', () => {
    throw new Error(`MAPDOWN_REQUIRE_NATS=1 but ${nats.reason}`)
  })
}

describe.skipIf(!nats.run)('mapdown worker and the compile cache', () => {
  let server: NatsServer
  let xdg: string

  beforeAll(async () => {
    server = await startNatsServer()
    xdg = mkdtempSync(join(tmpdir(), 'mapdown-worker-cache-'))
  })
  afterAll(async () => {
    await server?.dispose()
    if (xdg !== undefined) rmSync(xdg, { recursive: true, force: true })
  })

  it('should publish the same outputs from a cold cache, a warm one, a damaged entry and --no-cache', { timeout: TIMEOUT_MS }, async () => {
    const scenario = await Scenario.create(server.url, { name: 'cache' })
    const cacheFolder = join(xdg, 'mapdown')
    const env = { XDG_CACHE_HOME: xdg }
    try {
      // Single events and NDJSON messages, with poison events among them (dead letters).
      const events = eventPayloads(90, 13)
      const payloads = [...events.slice(0, 30), ...[0, 1, 2].map((m) => events.slice(30 + 20 * m, 50 + 20 * m).join('\n') + '\n')]
      await scenario.publish(payloads)

      /** One worker with its own consumer and output stream, run until every input is acked. */
      let run = 0
      const mapAll = async (extraArgs: string[]): Promise<StoredMessage[]> => {
        run++
        const consumer = `cache_${run}`
        const outputStream = `OUT_cache_${run}`
        const outSubject = `out.cache_${run}.mapped`
        await scenario.jsm.streams.add({ name: outputStream, subjects: [outSubject, `out.cache_${run}.dlq`] })
        // One name for all runs: dead letters name the worker.
        const args = ['--consumer', consumer, '--out-subject', outSubject, '--dlq-subject', `out.cache_${run}.dlq`, '--name', 'cache-worker', ...extraArgs]
        const worker = await scenario.startWorker(args, env)
        const deadline = Date.now() + 120_000
        for (;;) {
          const info = await scenario.jsm.consumers.info(scenario.inputStream, consumer)
          if (info.num_pending === 0 && info.num_ack_pending === 0 && info.ack_floor.stream_seq >= payloads.length) break
          if (Date.now() > deadline) throw new Error(`run ${run}: inputs still pending after 120 s`)
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        worker.kill('SIGTERM')
        expect(await worker.exited).toBe(0)
        expect(worker.lastStats()).toMatchObject({ read: 90, mapped: 84, rejected: 6 })
        // The same subjects in every run, so that the outputs compare whole.
        return (await scenario.readStored(outputStream)).map((stored) => ({ ...stored, subject: stored.subject.replace(`cache_${run}`, 'cache') }))
      }
      const entry = () => {
        const names = readdirSync(cacheFolder)
        expect(names).toHaveLength(1)
        return join(cacheFolder, names[0]!)
      }

      const uncached = await mapAll(['--no-cache'])
      expect(uncached).toHaveLength(90)
      // --no-cache neither reads nor writes the cache.
      expect(() => readdirSync(cacheFolder)).toThrow()

      expect(await mapAll([])).toEqual(uncached)
      const stored = statSync(entry())

      // A hit reads the entry and writes nothing (a miss would write a new file in its place).
      expect(await mapAll([])).toEqual(uncached)
      expect(statSync(entry()).ino).toBe(stored.ino)

      // A damaged entry is ignored: the dictionaries are compiled again and the entry rewritten.
      const whole = readFileSync(entry(), 'utf8')
      writeFileSync(entry(), whole.slice(0, -100))
      expect(await mapAll([])).toEqual(uncached)
      expect(readFileSync(entry(), 'utf8')).toBe(whole)
    } finally {
      await scenario.dispose()
    }
  })
})
