#!/usr/bin/env node
/**
 * The JetStream chores of the demo, for machines without the `nats` CLI (Debian
 * ships only the server):
 *
 *   node examples/nats/jetstream.mjs streams  URL            create EVENTS and MAPPED
 *   node examples/nats/jetstream.mjs publish  URL FILE       one message per NDJSON line
 *   node examples/nats/jetstream.mjs wait     URL N [SECS]   until MAPPED holds N messages
 *   node examples/nats/jetstream.mjs counts   URL            mapped / dead letters / unique inputs
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// The NATS clients are dependencies of the worker package.
const root = fileURLToPath(new URL('../../', import.meta.url))
const fromWorker = createRequire(join(root, 'packages/worker/package.json'))
const { connect, nanos } = await import(pathToFileURL(fromWorker.resolve('@nats-io/transport-node')).href)
const { jetstream, jetstreamManager } = await import(pathToFileURL(fromWorker.resolve('@nats-io/jetstream')).href)

const [command, url, ...rest] = process.argv.slice(2)
if (command === undefined || url === undefined) {
  console.error('usage: jetstream.mjs streams|publish|wait|counts URL [...]')
  process.exit(2)
}
const nc = await connect({ servers: url })
const jsm = await jetstreamManager(nc)
const js = jetstream(nc)
try {
  if (command === 'streams') {
    // The input: raw events on events.<anything>.
    await jsm.streams.add({ name: 'EVENTS', subjects: ['events.>'] })
    // The outputs: mapped records and dead letters, de-duplicated on Nats-Msg-Id for 2 minutes.
    await jsm.streams.add({ name: 'MAPPED', subjects: ['mapped.records', 'mapped.dlq'], duplicate_window: nanos(120_000) })
    console.log('streams EVENTS (events.>) and MAPPED (mapped.records, mapped.dlq) created')
  } else if (command === 'publish') {
    const lines = readFileSync(rest[0], 'utf8').split('\n').filter((line) => line.trim() !== '')
    for (let start = 0; start < lines.length; start += 500) {
      await Promise.all(lines.slice(start, start + 500).map((line) => js.publish('events.sentinelone', line)))
    }
    console.log(`published ${lines.length} events to events.sentinelone`)
  } else if (command === 'wait') {
    const want = Number(rest[0])
    const deadline = Date.now() + Number(rest[1] ?? 60) * 1000
    let have = 0
    while ((have = (await jsm.streams.info('MAPPED')).state.messages) < want) {
      if (Date.now() > deadline) throw new Error(`only ${have} of ${want} outputs after ${rest[1] ?? 60} s`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  } else if (command === 'counts') {
    const info = await jsm.streams.info('MAPPED')
    const counts = { mapped: 0, deadLetters: 0, reasons: {}, uniqueInputs: 0, duplicates: 0 }
    const seen = new Set()
    if (info.state.messages > 0) {
      const messages = await (await js.consumers.get('MAPPED')).consume()
      for await (const msg of messages) {
        const key = `${msg.headers.get('Mapdown-Source-Seq')}:${msg.headers.get('Mapdown-Source-Line')}`
        if (seen.has(key)) counts.duplicates++
        seen.add(key)
        if (msg.subject === 'mapped.records') counts.mapped++
        else {
          counts.deadLetters++
          const reason = msg.headers.get('Mapdown-Reason')
          counts.reasons[reason] = (counts.reasons[reason] ?? 0) + 1
        }
        if (msg.seq >= info.state.last_seq) break
      }
    }
    counts.uniqueInputs = new Set([...seen].map((key) => key.split(':')[0])).size
    console.log(JSON.stringify(counts, null, 2))
  } else {
    throw new Error(`unknown command ${command}`)
  }
} finally {
  await nc.close()
}
