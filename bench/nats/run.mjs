#!/usr/bin/env node
/**
 * Benchmark (not a test): events per second through JetStream. Starts its own
 * nats-server on 127.0.0.1 with a temporary store, pre-loads an input stream with the
 * example events (repeated), then times each row from the moment its first process
 * pulls (start-up, compiling or loading the IR and connecting, is left out, as `map`'s own
 * clock leaves it out) until every output is stored. Rows, all in the same run:
 *
 *   relay        bench/nats/relay.mjs: fetch, republish unchanged with the client's
 *                js.publish, ack after the PubAck (the floor for any worker), one event per message
 *   relay.wp     the same relay with the worker's own publisher (--publisher worker): the
 *                worker's transport without its mapping
 *   worker×N     N `mapdown worker` processes, one event per message (--workers 1,2)
 *   ndjson×K     1 worker, K events per message (NDJSON), one output per event (--per-message)
 *   ndjson×K/B   the same with --out-batch B: mapped records published B per message (--out-batch)
 *   map          `mapdown map --workers 1` on the same events, from a file
 *
 * Each row also gives the nats-server's CPU time over the row (user + system, /proc), the
 * CPU time of the relay or worker processes (start-up included) and the part of it after
 * each process logged that it pulls (`client CPU after start`: the work the row times).
 *
 *   pnpm build && node bench/nats/run.mjs [--events 50000] [--workers 1,2] [--batch 100] [--per-message 100] [--out-batch 100]
 *     [--only relay,worker,ndjson,map] [--cpu-prof DIR]
 *
 * A row ends when every input message has been acknowledged (the consumer has nothing
 * pending): figures include publishing each output, waiting for its PubAck, and the ack
 * of each input: the cost of at-least-once delivery, not only of mapping.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('../../', import.meta.url))
const cli = join(root, 'packages/cli/dist/bin.js')
const relayScript = join(root, 'bench/nats/relay.mjs')
const dictionaries = ['dictionaries/sentinelone', 'dictionaries/sentinelone-cloud-funnel'].map((path) => join(root, path))
const eventsFile = join(root, 'examples/events/events.ndjson')

// The NATS clients are dependencies of the worker package, not of the workspace root.
const fromWorker = createRequire(join(root, 'packages/worker/package.json'))
const { connect, nanos } = await import(pathToFileURL(fromWorker.resolve('@nats-io/transport-node')).href)
const { jetstream, jetstreamManager } = await import(pathToFileURL(fromWorker.resolve('@nats-io/jetstream')).href)

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '50000' },
    workers: { type: 'string', default: '1,2' },
    batch: { type: 'string', default: '100' },
    'per-message': { type: 'string', default: '100' },
    'out-batch': { type: 'string', default: '100' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
})
// --only relay,worker,ndjson,map: some rows; --cpu-prof DIR: a CPU profile of each worker and relay process.
const only = values.only?.split(',')
const wanted = (row) => only === undefined || only.some((prefix) => row.startsWith(prefix))
const profileArgs = values['cpu-prof'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']]
const perMessage = Number(values['per-message'])
const outBatch = Number(values['out-batch'])
const total = Number(values.events)
const workerCounts = values.workers.split(',').map(Number)

if (spawnSync('nats-server', ['--version']).status !== 0) {
  console.error('nats-server is not installed (apt-get install -y nats-server)')
  process.exit(1)
}

// Every row maps with the same compiled IR.
const mapping = join(mkdtempSync(join(tmpdir(), 'mapdown-bench-ir-')), 'mapping.json')
const compiled = spawnSync(process.execPath, [cli, 'compile', ...dictionaries, '-o', mapping], { encoding: 'utf8' })
if (compiled.status !== 0) throw new Error(`mapdown compile failed: ${compiled.stderr}`)
const lines = readFileSync(eventsFile, 'utf8').split('\n').filter((line) => line.trim() !== '')
const port = await freePort()
const store = mkdtempSync(join(tmpdir(), 'mapdown-bench-nats-'))
const server = spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', store], { stdio: ['ignore', 'ignore', 'pipe'] })
await new Promise((resolve) => server.stderr.on('data', (chunk) => String(chunk).includes('Server is ready') && resolve()))
const url = `nats://127.0.0.1:${port}`
const nc = await connect({ servers: url })
const jsm = await jetstreamManager(nc)
const js = jetstream(nc)

const results = []
try {
  if (wanted('relay')) results.push(await runRow({ name: 'relay', processes: 1, perMessage: 1, relay: 'js' }))
  if (wanted('relay')) results.push(await runRow({ name: 'relay.wp', processes: 1, perMessage: 1, relay: 'worker' }))
  for (const workers of workerCounts) if (wanted('worker')) results.push(await runRow({ name: `worker×${workers}`, processes: workers, perMessage: 1 }))
  if (perMessage > 1 && wanted('ndjson')) results.push(await runRow({ name: `ndjson×${perMessage}`, processes: 1, perMessage }))
  if (perMessage > 1 && outBatch > 1 && wanted('ndjson')) results.push(await runRow({ name: `ndjson×${perMessage}/${outBatch}`, processes: 1, perMessage, outBatch }))
  if (wanted('map')) results.push(await runMap())
} finally {
  await nc.close()
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  rmSync(store, { recursive: true, force: true })
}

const relay = results.find((r) => r.name === 'relay') ?? { messagesPerSecond: NaN }
const map = results.find((r) => r.name === 'map') ?? { eventsPerSecond: NaN }
console.log(`\nJetStream: ${total} events (${lines.length} example events repeated), batch ${values.batch}, ${cpus().length} cores, nats-server on the same machine`)
console.log('row          messages  seconds  msgs/s  events/s  ×relay msgs/s  ×map events/s  server CPU s (share)  client CPU s  after start  redelivered')
for (const r of results) {
  const cpu = r.serverCpuSeconds === undefined ? '–' : `${r.serverCpuSeconds.toFixed(2)} (${Math.round((100 * r.serverCpuSeconds) / r.seconds)}%)`
  console.log(`${r.name.padEnd(11)}  ${String(r.messages).padStart(8)}  ${r.seconds.toFixed(2).padStart(7)}  ${String(r.messagesPerSecond).padStart(6)}  ${String(r.eventsPerSecond).padStart(8)}  ${(r.messagesPerSecond / relay.messagesPerSecond).toFixed(2).padStart(13)}  ${(r.eventsPerSecond / map.eventsPerSecond).toFixed(2).padStart(13)}  ${cpu.padStart(20)}  ${(r.clientCpuSeconds?.toFixed(2) ?? '–').padStart(12)}  ${(r.clientCpuAfterStartSeconds?.toFixed(2) ?? '–').padStart(11)}  ${String(r.redelivered ?? '–').padStart(11)}`)
}
console.log(JSON.stringify({ bench: 'nats', events: total, batch: Number(values.batch), perMessage, results }))

/** CPU seconds (user + system) a process (the nats-server by default) has used so far. */
function serverCpuSeconds(pid = server.pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

async function runRow({ name, processes, perMessage: eventsPerMessage, relay, outBatch: recordsPerOutput = 1 }) {
  const isRelay = relay !== undefined
  const id = name.replace(/[^A-Za-z0-9]/g, '_')
  await jsm.streams.add({ name: `IN_${id}`, subjects: [`bench.${id}.in`] })
  await jsm.streams.add({ name: `OUT_${id}`, subjects: [`bench.${id}.out`, `bench.${id}.dlq`], duplicate_window: nanos(60_000) })
  // Pre-load the input so that the timing covers only the workers.
  const messageCount = Math.ceil(total / eventsPerMessage)
  const payload = (m) => {
    const events = []
    for (let e = m * eventsPerMessage; e < Math.min((m + 1) * eventsPerMessage, total); e++) events.push(lines[e % lines.length])
    return events.join('\n')
  }
  for (let start = 0; start < messageCount; start += 1000) {
    const chunk = []
    for (let m = start; m < Math.min(start + 1000, messageCount); m++) chunk.push(js.publish(`bench.${id}.in`, payload(m), { timeout: 120_000 }))
    await Promise.all(chunk)
  }

  const children = []
  const started = []
  for (let i = 0; i < processes; i++) {
    const args = isRelay
      ? [relayScript, '--nats', url, '--stream', `IN_${id}`, '--consumer', 'bench', '--out-subject', `bench.${id}.out`, '--batch', values.batch, '--publisher', relay]
      : [
          cli, 'worker', '--nats', url, '--stream', `IN_${id}`, '--consumer', 'bench',
          '--out-subject', `bench.${id}.out`, '--dlq-subject', `bench.${id}.dlq`,
          '-d', mapping,
          '--batch', values.batch, '--out-batch', String(recordsPerOutput), '--stats-interval', '0', '--name', `bench-${id}-${i}`,
        ]
    const child = spawn(process.execPath, [...profileArgs, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    const log = []
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk) => log.push(...chunk.split('\n').filter(Boolean)))
    const entry = { child, log, cpuAtStart: 0 }
    started.push(new Promise((resolve, reject) => {
      const timer = setInterval(() => log.some((l) => l.includes('"type":"started"')) && (clearInterval(timer), (entry.cpuAtStart = serverCpuSeconds(child.pid)), resolve()), 5)
      child.once('exit', (code) => { clearInterval(timer); reject(new Error(`${name} exited ${code}: ${log.join('\n')}`)) })
    }))
    children.push(entry)
  }
  // The clock starts when the first process pulls: the others may still be compiling.
  await Promise.race(started)
  const t0 = performance.now()
  const cpu0 = serverCpuSeconds()
  await Promise.all(started)
  // Done when every input is acknowledged, which happens only after all its outputs are stored.
  for (;;) {
    const info = await jsm.consumers.info(`IN_${id}`, 'bench').catch(() => undefined)
    if (info !== undefined && info.num_pending === 0 && info.num_ack_pending === 0 && info.ack_floor.stream_seq >= messageCount) break
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const seconds = (performance.now() - t0) / 1000
  const cpu = serverCpuSeconds() - cpu0
  // The clients' CPU from their start (start-up included), read before they exit.
  const clientCpu = children.reduce((sum, { child }) => sum + serverCpuSeconds(child.pid), 0)
  const clientCpuAfterStart = children.reduce((sum, { child, cpuAtStart }) => sum + serverCpuSeconds(child.pid) - cpuAtStart, 0)

  const finals = await Promise.all(children.map(({ child, log }) => new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.once('exit', () => resolve(log.map((l) => { try { return JSON.parse(l) } catch { return {} } }).filter((e) => e.final).at(-1) ?? {}))
    child.kill('SIGTERM')
  })))
  const sum = (key) => finals.reduce((s, f) => s + (f[key] ?? 0), 0)
  await jsm.streams.delete(`IN_${id}`)
  await jsm.streams.delete(`OUT_${id}`)
  return {
    name, processes, perMessage: eventsPerMessage, messages: messageCount, seconds,
    messagesPerSecond: Math.round(messageCount / seconds), eventsPerSecond: Math.round(total / seconds),
    serverCpuSeconds: cpu, clientCpuSeconds: clientCpu, clientCpuAfterStartSeconds: clientCpuAfterStart, redelivered: isRelay ? undefined : sum('redelivered'),
    mapped: isRelay ? undefined : sum('mapped'), rejected: isRelay ? undefined : sum('rejected'),
  }
}

/** `mapdown map --workers 1` on the same events, from a file: the whole process, start-up included. */
async function runMap() {
  const file = join(store, 'events.ndjson')
  const out = join(store, 'mapped.ndjson')
  const events = []
  for (let e = 0; e < total; e++) events.push(lines[e % lines.length])
  writeFileSync(file, events.join('\n') + '\n')
  // Its own clock (--stats: from the first byte read to the last written), as the
  // worker rows start theirs once the worker pulls: start-up is left out of both.
  const run = spawnSync(process.execPath, [cli, 'map', '-d', mapping, '--workers', '1', '--stats', '-o', out, file], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
  const stats = run.stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)).find((entry) => 'elapsedMs' in entry)
  if (stats === undefined) throw new Error(`mapdown map failed: ${run.stderr}`)
  const seconds = stats.elapsedMs / 1000
  return { name: 'map', processes: 1, perMessage: 0, messages: 0, seconds, messagesPerSecond: 0, eventsPerSecond: Math.round(total / seconds) }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address()
      probe.close(() => resolve(free))
    })
  })
}
