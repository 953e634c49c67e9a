/**
 * The worker's publisher against a real nats-server: a PubAck per output, JetStream's
 * refusals as errors, duplicates recognised, and no false timeout after the event loop
 * was blocked (the PubAck arrived meanwhile, unread).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jetstreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { DisconnectSignal } from '../src/disconnect-signal.js'
import { Publisher, type PubAck } from '../src/publisher.js'
import { natsAvailability, startNatsServer, type NatsServer } from './helpers/nats-server.js'

const nats = natsAvailability()

function publishOnce(publisher: Publisher, subject: string, payload: string, msgId?: string): Promise<PubAck> {
  return new Promise((resolve, reject) => publisher.publish(subject, payload, { 'Mapdown-Test': 'yes' }, msgId, (error, ack) => (error === undefined ? resolve(ack!) : reject(error))))
}

describe.skipIf(!nats.run)('Publisher', () => {
  let server: NatsServer
  let nc: NatsConnection

  beforeAll(async () => {
    server = await startNatsServer()
    nc = await connect({ servers: server.url })
    const jsm = await jetstreamManager(nc)
    await jsm.streams.add({ name: 'PUB', subjects: ['pub.>'] })
  })
  afterAll(async () => {
    await nc?.close()
    await server?.dispose()
  })

  it('should report each PubAck, duplicates by their id, and a subject no stream captures as an error', { timeout: 60_000 }, async () => {
    const publisher = new Publisher(nc, { timeoutMs: 30_000, disconnect: new DisconnectSignal() })
    try {
      const acks = await Promise.all(Array.from({ length: 500 }, (_, index) => publishOnce(publisher, 'pub.a', `{"n":${index}}`, `id-${index}`)))
      expect(acks.every((ack) => ack.stream === 'PUB' && !ack.duplicate)).toBe(true)
      expect(new Set(acks.map((ack) => ack.seq)).size).toBe(500)
      expect(await publishOnce(publisher, 'pub.a', '{"n":0}', 'id-0')).toMatchObject({ stream: 'PUB', duplicate: true })
      await expect(publishOnce(publisher, 'nowhere.a', '{}')).rejects.toThrow('no responders')
      expect(publisher.inFlight).toBe(0)
    } finally {
      publisher.close()
    }
  })

  it('should not take a PubAck that arrived while the event loop was blocked for a timeout', { timeout: 60_000 }, async () => {
    const publisher = new Publisher(nc, { timeoutMs: 200, disconnect: new DisconnectSignal() })
    try {
      const acked = publishOnce(publisher, 'pub.b', '{}')
      // The client writes in a microtask: let it, so that the PubAck can arrive during the block.
      await Promise.resolve()
      // Longer than the timeout, synchronously: the PubAck waits in the socket meanwhile.
      const until = Date.now() + 1_000
      while (Date.now() < until) {
        // busy
      }
      expect(await acked).toMatchObject({ stream: 'PUB' })
    } finally {
      publisher.close()
    }
  })

  it('should fail an output whose PubAck does not come in time, and everything in flight at a disconnection', { timeout: 60_000 }, async () => {
    const disconnect = new DisconnectSignal()
    const publisher = new Publisher(nc, { timeoutMs: 100, disconnect })
    try {
      // A subject with a subscriber that never answers: no stream, no "no responders" either.
      const silent = nc.subscribe('silent.x')
      await nc.flush()
      await expect(publishOnce(publisher, 'silent.x', '{}')).rejects.toThrow('no PubAck from JetStream within 100 ms')
      const slow = new Publisher(nc, { timeoutMs: 60_000, disconnect })
      const waiting = publishOnce(slow, 'silent.x', '{}')
      disconnect.disconnected('127.0.0.1:1')
      await expect(waiting).rejects.toThrow('disconnected from 127.0.0.1:1')
      slow.close()
      silent.unsubscribe()
    } finally {
      publisher.close()
    }
  })
})
