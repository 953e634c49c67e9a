/**
 * The worker against a real nats-server: every input ends up mapped or dead-lettered,
 * through worker crashes and a server restart. Numbers that depend on timing
 * (duplicates, redeliveries, share per worker) are reported, not asserted exactly.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AckPolicy } from '@nats-io/jetstream'
import { nanos } from '@nats-io/transport-node'
import { eventPayloads } from './events.js'
import { natsAvailability, startNatsServer, type NatsServer } from './helpers/nats-server.js'
import { cover, Scenario, type Coverage, type WorkerProcess } from './helpers/scenario.js'

// The scenarios take seconds; the margin is for CI machines loaded by other test files.
const SCENARIO_TIMEOUT_MS = 120_000

const nats = natsAvailability()
if (!nats.run && !nats.required) console.warn(`NATS worker tests skipped: ${nats.reason}`)
if (!nats.run && nats.required) {
  it('should have nats-server installed (MAPDOWN_REQUIRE_NATS=1)', () => {
    throw new Error(`MAPDOWN_REQUIRE_NATS=1 but ${nats.reason}`)
  })
}

/** Input index of a payload from its pid, to check that records carry the right source. */
function pidOf(record: Record<string, unknown>): number {
  return record.process_id as number
}

function report(title: string, coverage: Coverage, workers: readonly WorkerProcess[]): void {
  const stats = workers.map((worker) => {
    const line = worker.lastStats()
    return { messages: line?.messages, read: line?.read, acked: line?.acked, redelivered: line?.redelivered, dlq: line?.dlq, duplicates: line?.duplicates, naked: line?.naked }
  })
  console.log(`${title}: outputs=${coverage.outputs.length} missing=${coverage.missing.length} downstream duplicates=${coverage.duplicates} workers=${JSON.stringify(stats)}`)
}

async function stopAll(workers: readonly WorkerProcess[]): Promise<(number | null)[]> {
  for (const worker of workers) worker.kill('SIGTERM')
  return Promise.all(workers.map((worker) => worker.exited))
}

describe.skipIf(!nats.run)('mapdown worker on JetStream', () => {
  let server: NatsServer

  beforeAll(async () => {
    server = await startNatsServer()
  })
  afterAll(async () => {
    await server?.dispose()
  })

  it('should map 10,000 events with two workers, none missing, and drain on SIGTERM', { timeout: SCENARIO_TIMEOUT_MS }, async () => {
    const scenario = await Scenario.create(server.url, { name: 'two' })
    try {
      const workers = [await scenario.startWorker(), await scenario.startWorker()]
      const payloads = eventPayloads(10_000, 500)
      const seqs = await scenario.publish(payloads)
      const coverage = await scenario.waitForOutputs(seqs, 60_000)

      expect(coverage.missing).toEqual([])
      expect(coverage.conflicting).toEqual([])
      // Each record carries its input's sequence, and it is the right input.
      const indexOfSeq = new Map(seqs.map((seq, index) => [seq, index]))
      for (const output of coverage.outputs) {
        const index = indexOfSeq.get(output.seq)!
        const poison = index % 500 === 499
        expect(output.kind).toBe(poison ? 'dead-letter' : 'mapped')
        if (output.kind === 'mapped') {
          expect(pidOf(output.body)).toBe(index)
          expect((output.body['@mapdown'] as { source: unknown }).source).toEqual({ stream: scenario.inputStream, seq: output.seq, line: 1 })
        } else {
          expect(output.body).toMatchObject({ reason: 'invalid_json', payload: payloads[index], source: { seq: output.seq, line: 1 } })
        }
      }

      expect(await stopAll(workers)).toEqual([0, 0])
      report('two workers', coverage, workers)
      const finals = workers.map((worker) => worker.lastStats()!)
      for (const final of finals) expect(final).toMatchObject({ final: true, reason: 'SIGTERM', inFlight: 0 })
      // Every message was acknowledged by someone, and each one's outputs counted once per publish.
      const acked = finals.reduce((sum, final) => sum + (final.acked as number), 0)
      expect(acked).toBeGreaterThanOrEqual(seqs.length)
      const info = await scenario.jsm.consumers.info(scenario.inputStream, scenario.consumer)
      expect(info.num_pending + info.num_ack_pending).toBe(0)
    } finally {
      await scenario.dispose()
    }
  })

  it('should lose nothing when a worker is killed with SIGKILL mid-stream, and count the duplicates', { timeout: SCENARIO_TIMEOUT_MS }, async () => {
    // A duplicate window shorter than the ack wait lets republished outputs through, so
    // that the duplicates at-least-once delivery allows are visible downstream.
    const scenario = await Scenario.create(server.url, { name: 'kill', duplicateWindowMs: 500 })
    try {
      const seqs = await scenario.publish(eventPayloads(10_000, 1_000))
      // The victim is frozen (SIGSTOP) as soon as it has stored an output, holding the
      // messages it pulled, unacknowledged; so the kill comes mid-stream however fast it is.
      const victim = await scenario.startWorker(['--batch', '50', '--publish-window', '10'])
      await scenario.waitForOutputCount(1, 60_000)
      victim.kill('SIGSTOP')
      const survivor = await scenario.startWorker(['--batch', '50'])
      // Mid-stream: the kill must come while outputs are still missing.
      expect(await scenario.waitForOutputCount(1, 60_000)).toBeLessThan(seqs.length)
      victim.kill('SIGKILL')
      expect(await victim.exited).toBe(null)

      const coverage = await scenario.waitForOutputs(seqs, 60_000)
      expect(await stopAll([survivor])).toEqual([0])
      report('SIGKILL (victim: last stats before the kill)', coverage, [victim, survivor])
      expect(coverage.missing).toEqual([])
      expect(coverage.conflicting).toEqual([])

      // The victim's unacknowledged messages came back to the survivor after the ack wait.
      expect(survivor.lastStats()!.redelivered).toBeGreaterThan(0)
      const info = await scenario.jsm.consumers.info(scenario.inputStream, scenario.consumer)
      expect(info.num_pending + info.num_ack_pending).toBe(0)
    } finally {
      await scenario.dispose()
    }
  })

  it('should hand back the messages it fetched but did not start when SIGTERM drains it mid-stream', { timeout: 2 * SCENARIO_TIMEOUT_MS }, async () => {
    const scenario = await Scenario.create(server.url, { name: 'drain' })
    try {
      const seqs = await scenario.publish(eventPayloads(5_000, 1_000))
      // An ack wait far beyond the wait for outputs below: a message the first worker took
      // and did not hand back would come back too late, and be reported missing.
      // A window of 10 outputs in flight: the worker holds most of its 200 messages unstarted.
      const first = await scenario.startWorker(['--batch', '200', '--ack-wait', '600000', '--publish-window', '10'])
      expect(await scenario.waitForOutputCount(500, 60_000)).toBeLessThan(seqs.length)
      first.kill('SIGTERM')
      expect(await first.exited).toBe(0)
      // Every message the worker received was settled: acked after its outputs, or handed back.
      const final = first.lastStats()!
      expect(final).toMatchObject({ final: true, reason: 'SIGTERM', inFlight: 0, publishFailures: 0 })
      expect(final.messages).toBe((final.acked as number) + (final.naked as number) + (final.termed as number))

      const second = await scenario.startWorker()
      const coverage = await scenario.waitForOutputs(seqs, 120_000)
      expect(await stopAll([second])).toEqual([0])
      report('drain', coverage, [first, second])
      expect(coverage.missing).toEqual([])
      expect(coverage.conflicting).toEqual([])
    } finally {
      await scenario.dispose()
    }
  })

  it('should dead-letter poison messages with their reason and original payload', async () => {
    const scenario = await Scenario.create(server.url, { name: 'poison' })
    try {
      const cases = readPoisonCases()
      // One message that "kept crashing workers": delivered and nak'ed twice by the test
      // before any worker runs, so the worker (2 attempts allowed) gives up on it.
      await scenario.jsm.consumers.add(scenario.inputStream, { durable_name: scenario.consumer, ack_policy: AckPolicy.Explicit, ack_wait: nanos(2_000), max_deliver: -1 })
      const [crashSeq] = await scenario.publish(['{"tcpv4": {"crashes": "the worker"}}'])
      const consumer = await scenario.js.consumers.get(scenario.inputStream, scenario.consumer)
      for (let attempt = 1; attempt <= 2; attempt++) {
        const msg = await consumer.next({ expires: 5_000 })
        expect(msg?.info.deliveryCount).toBe(attempt)
        msg!.nak()
      }

      const seqs = await scenario.publish(cases.map((c) => c.payload))
      const worker = await scenario.startWorker(['--max-deliver', '2'])
      const coverage = await scenario.waitForOutputs([crashSeq!, ...seqs], 30_000)
      expect(coverage.missing).toEqual([])

      const byKey = new Map(coverage.outputs.map((output) => [`${output.seq}:${output.line}`, output]))
      cases.forEach((poison, index) => {
        for (const expected of poison.expected) {
          const output = byKey.get(`${seqs[index]}:${expected.line}`)
          expect(output, `${poison.name} line ${expected.line}`).toBeDefined()
          expect(output!.kind, poison.name).toBe(expected.kind)
          if (expected.kind === 'dead-letter') {
            const { reason, payload, payloadBase64 } = output!.body
            expect({ reason, payload, payloadBase64 }, poison.name).toEqual({ reason: expected.reason, payload: expected.payload, payloadBase64: expected.payloadBase64 })
          }
        }
      })

      const crashed = byKey.get(`${crashSeq}:0`)
      expect(crashed?.body).toMatchObject({ reason: 'max_deliveries', source: { seq: crashSeq, deliveries: 3 } })
      expect(Buffer.from(crashed!.body.payloadBase64 as string, 'base64').toString()).toBe('{"tcpv4": {"crashes": "the worker"}}')

      expect(await stopAll([worker])).toEqual([0])
      expect(worker.lastStats()).toMatchObject({ termed: 1 })
    } finally {
      await scenario.dispose()
    }
  })

  it('should map NDJSON messages of 100 events into batched outputs, dead-letter each poison line alone, and ack every message', { timeout: SCENARIO_TIMEOUT_MS }, async () => {
    const scenario = await Scenario.create(server.url, { name: 'ndjson' })
    try {
      // 40 messages of 100 events; every 37th event is not JSON, every 53rd line blank.
      const events = eventPayloads(4_000, 37)
      const messages: string[] = []
      const lineOf = new Map<number, number>()
      for (let m = 0; m < 40; m++) {
        const lines: string[] = []
        for (let e = m * 100; e < (m + 1) * 100; e++) {
          if (e % 53 === 52) lines.push('')
          lines.push(events[e]!)
          lineOf.set(e, lines.length)
        }
        messages.push(lines.join('\n') + '\n')
      }
      const seqs = await scenario.publish(messages)
      const worker = await scenario.startWorker(['--batch', '10', '--out-batch', '30', '--ack-wait', '120000'])

      const expected = new Map<string, number>()
      events.forEach((_, e) => expected.set(`${seqs[Math.floor(e / 100)]}:${lineOf.get(e)}`, e))
      const deadline = Date.now() + 60_000
      let outputs = await scenario.readOutputs()
      while (new Set(outputs.map((o) => `${o.seq}:${o.line}`)).size < expected.size && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        outputs = await scenario.readOutputs()
      }

      const seen = new Map<string, (typeof outputs)[number]>()
      for (const output of outputs) {
        const key = `${output.seq}:${output.line}`
        const index = expected.get(key)
        expect(index, `output for ${key}`).toBeDefined()
        const previous = seen.get(key)
        // A redelivery may republish; never both kinds for one event.
        if (previous !== undefined) expect(previous.kind).toBe(output.kind)
        seen.set(key, output)
        const poison = index! % 37 === 36
        expect(output.kind, key).toBe(poison ? 'dead-letter' : 'mapped')
        if (output.kind === 'mapped') {
          expect(pidOf(output.body)).toBe(index)
          expect(output.batch!.records).toBeLessThanOrEqual(30)
        } else {
          // The poison line alone, with its line number; its neighbours are mapped.
          expect(output.body).toMatchObject({ reason: 'invalid_json', payload: events[index!], source: { seq: output.seq, line: output.line } })
        }
      }
      expect(seen.size).toBe(expected.size)

      expect(await stopAll([worker])).toEqual([0])
      report('ndjson', cover(seqs, outputs), [worker])
      const final = worker.lastStats()!
      expect(final).toMatchObject({ read: 4_000, mapped: 4_000 - 108, rejected: 108, inFlight: 0, publishFailures: 0 })
      expect(final.acked).toBeGreaterThanOrEqual(40)
      expect((final.published as number) + (final.dlq as number)).toBeGreaterThanOrEqual(4_000)
      const info = await scenario.jsm.consumers.info(scenario.inputStream, scenario.consumer)
      expect(info.num_pending + info.num_ack_pending).toBe(0)
    } finally {
      await scenario.dispose()
    }
  })

  // Last: it restarts the shared server.
  it('should reconnect after a server restart mid-run and finish with none missing', { timeout: SCENARIO_TIMEOUT_MS }, async () => {
    const scenario = await Scenario.create(server.url, { name: 'restart' })
    try {
      // Both workers ready, and frozen (SIGSTOP) while the events are published, so that the
      // first to start cannot finish everything while the second starts; then slowed (10
      // outputs in flight each), so that the restart comes mid-run on a fast machine too.
      const workers = [await scenario.startWorker(['--batch', '50', '--publish-window', '10']), await scenario.startWorker(['--batch', '50', '--publish-window', '10'])]
      for (const worker of workers) worker.kill('SIGSTOP')
      const seqs = await scenario.publish(eventPayloads(10_000, 1_000))
      for (const worker of workers) worker.kill('SIGCONT')
      // Mid-run: the restart must come while outputs are still missing.
      expect(await scenario.waitForOutputCount(2_000, 60_000)).toBeLessThan(seqs.length)
      await server.restart()

      const coverage = await scenario.waitForOutputs(seqs, 75_000)
      expect(await stopAll(workers)).toEqual([0, 0])
      report('server restart', coverage, workers)
      expect(coverage.missing).toEqual([])
      expect(coverage.conflicting).toEqual([])
      for (const worker of workers) {
        expect(worker.log.some((entry) => entry.type === 'connection' && entry.status === 'reconnect')).toBe(true)
      }
    } finally {
      await scenario.dispose()
    }
  })
})

interface PoisonCase {
  name: string
  payload: Uint8Array
  expected: { line: number; kind: 'mapped' | 'dead-letter'; reason?: string; payload?: string; payloadBase64?: string }[]
}

/** fixtures/poison/<case>/: `payload` (the message, bytes as they are) and `expected.json`. */
function readPoisonCases(): PoisonCase[] {
  const root = fileURLToPath(new URL('./fixtures/poison/', import.meta.url))
  return readdirSync(root).sort().map((name) => {
    const payloadFile = `${root}${name}/payload`
    const payload = existsSync(payloadFile) ? new Uint8Array(readFileSync(payloadFile)) : new Uint8Array()
    const expected = JSON.parse(readFileSync(`${root}${name}/expected.json`, 'utf8')) as PoisonCase['expected']
    return { name, payload, expected }
  })
}
