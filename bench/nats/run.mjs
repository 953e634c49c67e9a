#!/usr/bin/env node
/**
 * Benchmark (not a test): events per second through JetStream with 1 and 2
 * `mapdown worker` processes. Starts its own nats-server on 127.0.0.1 with a
 * temporary store, pre-loads the input stream with the example events (repeated),
 * then times the workers from their start until every output is stored.
 *
 *   pnpm build && node bench/nats/run.mjs [--events 50000] [--workers 1,2] [--batch 100]
 *
 * Figures include publishing each output and waiting for its PubAck, and the ack of
 * each input: the cost of at-least-once delivery, not only of mapping.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('../../', import.meta.url))
const cli = join(root, 'packages/cli/dist/bin.js')
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
  },
})
const total = Number(values.events)
const workerCounts = values.workers.split(',').map(Number)

if (spawnSync('nats-server', ['--version']).status !== 0) {
  console.error('nats-server is not installed (apt-get install -y nats-server)')
  process.exit(1)
}

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
  for (const workers of workerCounts) results.push(await runOnce(workers))
} finally {
  await nc.close()
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  rmSync(store, { recursive: true, force: true })
}

console.log(`\nJetStream: ${total} events (${lines.length} example events repeated), batch ${values.batch}, ${cpus().length} cores, nats-server on the same machine`)
console.log('workers  seconds  events/s  mapped  rejected  redelivered')
for (const r of results) {
  console.log(`${String(r.workers).padStart(7)}  ${r.seconds.toFixed(2).padStart(7)}  ${String(r.rate).padStart(8)}  ${String(r.mapped).padStart(6)}  ${String(r.rejected).padStart(8)}  ${String(r.redelivered).padStart(11)}`)
}
console.log(JSON.stringify({ bench: 'nats', events: total, batch: Number(values.batch), results }))

async function runOnce(workers) {
  const name = `B${workers}`
  await jsm.streams.add({ name: `IN_${name}`, subjects: [`bench.${name}.in`] })
  await jsm.streams.add({ name: `OUT_${name}`, subjects: [`bench.${name}.out`, `bench.${name}.dlq`], duplicate_window: nanos(60_000) })
  // Pre-load the input so that the timing covers only the workers.
  for (let start = 0; start < total; start += 1000) {
    const chunk = []
    for (let i = start; i < Math.min(start + 1000, total); i++) chunk.push(js.publish(`bench.${name}.in`, lines[i % lines.length]))
    await Promise.all(chunk)
  }

  const children = []
  const started = []
  for (let i = 0; i < workers; i++) {
    const child = spawn(process.execPath, [
      cli, 'worker', '--nats', url, '--stream', `IN_${name}`, '--consumer', 'bench',
      '--out-subject', `bench.${name}.out`, '--dlq-subject', `bench.${name}.dlq`,
      ...dictionaries.flatMap((path) => ['-d', path]),
      '--batch', values.batch, '--stats-interval', '0', '--name', `bench-${name}-${i}`,
    ], { stdio: ['ignore', 'ignore', 'pipe'] })
    const log = []
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk) => log.push(...chunk.split('\n').filter(Boolean)))
    started.push(new Promise((resolve, reject) => {
      const timer = setInterval(() => log.some((l) => l.includes('"type":"started"')) && (clearInterval(timer), resolve()), 5)
      child.once('exit', (code) => { clearInterval(timer); reject(new Error(`worker exited ${code}: ${log.join('\n')}`)) })
    }))
    children.push({ child, log })
  }
  // The clock starts when the first worker pulls: the others may still be compiling.
  await Promise.race(started)
  const t0 = performance.now()
  await Promise.all(started)
  while ((await jsm.streams.info(`OUT_${name}`)).state.messages < total) await new Promise((resolve) => setTimeout(resolve, 20))
  const seconds = (performance.now() - t0) / 1000

  const finals = await Promise.all(children.map(({ child, log }) => new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.once('exit', () => resolve(log.map((l) => { try { return JSON.parse(l) } catch { return {} } }).filter((e) => e.final).at(-1) ?? {}))
    child.kill('SIGTERM')
  })))
  const sum = (key) => finals.reduce((s, f) => s + (f[key] ?? 0), 0)
  return { workers, seconds, rate: Math.round(total / seconds), mapped: sum('mapped'), rejected: sum('rejected'), redelivered: sum('redelivered') }
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
