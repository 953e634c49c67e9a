/**
 * Dead letters never exceed the server's max_payload (issue 12, case 6): events near or
 * over the limit reach the dead-letter subject on their first delivery, cut to fit, with
 * the size and SHA-256 of the original, against a real nats-server.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { natsAvailability, startNatsServer, type NatsServer } from './helpers/nats-server.js'
import { Scenario, type Output } from './helpers/scenario.js'

const TIMEOUT_MS = 120_000
const nats = natsAvailability()
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')

/**
 * An event of about `bytes` bytes that no dictionary matches, made of quotes (each one
 * doubles when the dead letter quotes the event), so that the whole dead letter would be
 * about 1.6 times the event.
 */
function quotedEvent(bytes: number): string {
  const values = Array.from({ length: Math.floor(bytes / 3) }, () => '')
  return JSON.stringify({ unknownProduct: { values } })
}

interface Truncated {
  bytes: number
  sha256: string
  keptBytes: number
}

async function deadLetterOf(server: NatsServer, name: string, payload: string): Promise<{ output: Output; worker: Record<string, unknown> }> {
  const scenario = await Scenario.create(server.url, { name })
  try {
    const [seq] = await scenario.publish([payload])
    // Waits far beyond what a loaded machine needs: one delivery is what is tested.
    const worker = await scenario.startWorker(['--max-deliver', '2', '--ack-wait', '120000', '--publish-timeout', '60000'])
    const coverage = await scenario.waitForOutputs([seq!], 60_000)
    expect(coverage.missing).toEqual([])
    worker.kill('SIGTERM')
    expect(await worker.exited).toBe(0)
    const info = await scenario.jsm.consumers.info(scenario.inputStream, scenario.consumer)
    expect(info.num_pending + info.num_ack_pending).toBe(0)
    return { output: coverage.outputs[0]!, worker: worker.lastStats()! }
  } finally {
    await scenario.dispose()
  }
}

describe.skipIf(!nats.run)('dead letters within max_payload', () => {
  let defaultServer: NatsServer
  let largeServer: NatsServer
  const LARGE_MAX_PAYLOAD = 2.5 * 1024 * 1024

  beforeAll(async () => {
    ;[defaultServer, largeServer] = await Promise.all([startNatsServer(), startNatsServer({ maxPayloadBytes: LARGE_MAX_PAYLOAD })])
  })
  afterAll(async () => {
    await Promise.all([defaultServer?.dispose(), largeServer?.dispose()])
  })

  it('should dead-letter an ~800 KB event that matches no dictionary on its first delivery, cut to fit 1 MB', { timeout: TIMEOUT_MS }, async () => {
    const event = quotedEvent(800_000)
    expect(Buffer.byteLength(JSON.stringify({ payload: event }))).toBeGreaterThan(1024 * 1024)
    const { output, worker } = await deadLetterOf(defaultServer, 'big800', event)

    expect(output.kind).toBe('dead-letter')
    expect(output.bytes).toBeLessThanOrEqual(1024 * 1024)
    const body = output.body as { reason: string; payload: string; truncated: Truncated; source: Record<string, unknown> }
    expect(body.reason).toBe('no_matching_dictionary')
    expect(body.source).toMatchObject({ stream: 'IN_big800', line: 1, deliveries: 1 })
    expect(event.startsWith(body.payload)).toBe(true)
    expect(body.truncated).toEqual({ bytes: Buffer.byteLength(event), sha256: sha256(event), keptBytes: Buffer.byteLength(body.payload) })
    // Most of the room is used: the head is not needlessly short.
    expect(output.bytes).toBeGreaterThan(900_000)
    expect(worker).toMatchObject({ messages: 1, acked: 1, dlq: 1, naked: 0, publishFailures: 0 })
  })

  it('should dead-letter a 2 MB message (over the line limit) on a server that allows it, cut to fit its max_payload', { timeout: TIMEOUT_MS }, async () => {
    const event = quotedEvent(2_000_000)
    const { output, worker } = await deadLetterOf(largeServer, 'big2m', event)

    expect(output.kind).toBe('dead-letter')
    expect(output.bytes).toBeLessThanOrEqual(LARGE_MAX_PAYLOAD)
    const body = output.body as { reason: string; payloadBase64: string; truncated: Truncated }
    // Over the engine's 1 MiB line limit: the dead letter holds the message's bytes, base64.
    expect(body.reason).toBe('line_too_long')
    const head = Buffer.from(body.payloadBase64, 'base64')
    expect(Buffer.from(event).subarray(0, head.length).equals(head)).toBe(true)
    expect(body.truncated).toEqual({ bytes: Buffer.byteLength(event), sha256: sha256(event), keptBytes: head.length })
    expect(worker).toMatchObject({ messages: 1, acked: 1, dlq: 1, naked: 0, publishFailures: 0 })
  })
})
