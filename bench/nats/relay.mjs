#!/usr/bin/env node
/**
 * The floor for any JetStream worker (bench only): fetches from the input stream,
 * republishes each message's payload unchanged to the output subject, and acks it after
 * its PubAck, with up to --batch messages in flight, as fast as the client allows. No
 * mapping, no headers, no de-duplication id: whatever `mapdown worker` does on top of
 * this costs time this relay does not spend.
 *
 *   node bench/nats/relay.mjs --nats URL --stream S --consumer C --out-subject SUBJ [--batch 100] [--publisher js|worker]
 *
 * --publisher js (default) publishes with the client's `js.publish` (a request per message);
 * --publisher worker with the worker's own publisher (packages/worker/src/publisher.ts: plain
 * PUBs under one reply inbox, PubAcks matched by subject), so that the worker's transport is
 * measured apart from its mapping.
 *
 * Logs `{"type":"started"}` once it pulls, and a final `{"final":true,"messages":N}` on SIGTERM.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('../../', import.meta.url))
const fromWorker = createRequire(join(root, 'packages/worker/package.json'))
const { connect } = await import(pathToFileURL(fromWorker.resolve('@nats-io/transport-node')).href)
const { jetstream, AckPolicy } = await import(pathToFileURL(fromWorker.resolve('@nats-io/jetstream')).href)
const { jetstreamManager } = await import(pathToFileURL(fromWorker.resolve('@nats-io/jetstream')).href)

const { values } = parseArgs({
  options: {
    nats: { type: 'string' }, stream: { type: 'string' }, consumer: { type: 'string' },
    'out-subject': { type: 'string' }, batch: { type: 'string', default: '100' },
    publisher: { type: 'string', default: 'js' },
  },
})
const batch = Number(values.batch)
const nc = await connect({ servers: values.nats })
const jsm = await jetstreamManager(nc)
try {
  await jsm.consumers.info(values.stream, values.consumer)
} catch {
  await jsm.consumers.add(values.stream, { durable_name: values.consumer, ack_policy: AckPolicy.Explicit, max_deliver: -1 })
}
const js = jetstream(nc)
const consumer = await js.consumers.get(values.stream, values.consumer)
const messages = await consumer.consume({ max_messages: batch, expires: 5000 })
process.stderr.write(JSON.stringify({ type: 'started' }) + '\n')

let relayed = 0
let inFlight = 0
let wake
process.once('SIGTERM', () => void messages.close())
const publish = await publisherOf(values.publisher)
for await (const msg of messages) {
  while (inFlight >= batch) await new Promise((resolve) => (wake = resolve))
  inFlight++
  publish(values['out-subject'], msg.data).then(
    () => {
      msg.ack()
      relayed++
    },
    () => msg.nak(),
  ).finally(() => {
    inFlight--
    wake?.()
  })
}
while (inFlight > 0) await new Promise((resolve) => (wake = resolve))
process.stderr.write(JSON.stringify({ type: 'stats', final: true, messages: relayed, acked: relayed }) + '\n')
await nc.drain()

/** `(subject, data) => Promise<PubAck>` with the client's js.publish or the worker's publisher. */
async function publisherOf(kind) {
  if (kind === 'js') return (subject, data) => js.publish(subject, data)
  if (kind !== 'worker') throw new Error(`--publisher js|worker, not ${kind}`)
  const { Publisher } = await import(pathToFileURL(join(root, 'packages/worker/dist/publisher.js')).href)
  const { DisconnectSignal } = await import(pathToFileURL(join(root, 'packages/worker/dist/disconnect-signal.js')).href)
  const disconnect = new DisconnectSignal()
  const publisher = new Publisher(nc, { timeoutMs: 5000, disconnect })
  // Without headers or a de-duplication id, as the js.publish relay.
  return (subject, data) => new Promise((resolve, reject) => publisher.publish(subject, data, {}, undefined, (error, ack) => (error === undefined ? resolve(ack) : reject(error))))
}
