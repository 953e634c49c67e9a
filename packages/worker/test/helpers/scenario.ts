/**
 * One isolated pipeline on a shared test server: an input stream, an output stream
 * capturing the mapped and dead-letter subjects, worker processes and a collector.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream'
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node'

export const CLI = fileURLToPath(new URL('../../../cli/dist/bin.js', import.meta.url))
export const DICTIONARY = fileURLToPath(new URL('../fixtures/dictionaries', import.meta.url))

export interface ScenarioOptions {
  /** Short unique name: streams, subjects and the consumer derive from it. */
  name: string
  /** Duplicate window of the output stream (ms); JetStream's default (2 min) when omitted. */
  duplicateWindowMs?: number
}

export class Scenario {
  readonly inputStream: string
  readonly inputSubject: string
  readonly outputStream: string
  readonly outSubject: string
  readonly dlqSubject: string
  readonly consumer: string
  readonly workers: WorkerProcess[] = []

  private constructor(
    readonly url: string,
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    name: string,
  ) {
    this.inputStream = `IN_${name}`
    this.inputSubject = `in.${name}`
    this.outputStream = `OUT_${name}`
    this.outSubject = `out.${name}.mapped`
    this.dlqSubject = `out.${name}.dlq`
    this.consumer = `workers_${name}`
  }

  static async create(url: string, options: ScenarioOptions): Promise<Scenario> {
    const nc = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 250 })
    const jsm = await jetstreamManager(nc)
    const scenario = new Scenario(url, nc, jetstream(nc), jsm, options.name)
    await jsm.streams.add({ name: scenario.inputStream, subjects: [`${scenario.inputSubject}.>`] })
    await jsm.streams.add({
      name: scenario.outputStream,
      subjects: [scenario.outSubject, scenario.dlqSubject],
      ...(options.duplicateWindowMs === undefined ? {} : { duplicate_window: nanos(options.duplicateWindowMs) }),
    })
    return scenario
  }

  /** Publishes the payloads in order (with bounded concurrency); returns their stream sequences. */
  async publish(payloads: readonly (string | Uint8Array)[]): Promise<number[]> {
    const seqs: number[] = []
    const chunk = 200
    for (let start = 0; start < payloads.length; start += chunk) {
      const acks = await Promise.all(payloads.slice(start, start + chunk).map((payload, offset) => this.js.publish(`${this.inputSubject}.s${(start + offset) % 4}`, payload)))
      for (const ack of acks) seqs.push(ack.seq)
    }
    return seqs
  }

  /** Starts `mapdown worker` from the built CLI; resolves once it pulls messages. `env` is added to this process's environment. */
  async startWorker(extraArgs: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<WorkerProcess> {
    const worker = new WorkerProcess([
      CLI, 'worker',
      '--nats', this.url,
      '--stream', this.inputStream,
      '--consumer', this.consumer,
      '--out-subject', this.outSubject,
      '--dlq-subject', this.dlqSubject,
      '-d', DICTIONARY,
      '--ack-wait', '2000',
      '--stats-interval', '1000',
      '--name', `${this.consumer}-${this.workers.length + 1}`,
      ...extraArgs,
    ], env)
    this.workers.push(worker)
    await worker.waitForLog((entry) => entry.type === 'started', 30_000)
    return worker
  }

  /** Reads the whole output stream from the start. */
  async readOutputs(): Promise<Output[]> {
    const info = await this.jsm.streams.info(this.outputStream)
    const last = info.state.last_seq
    const outputs: Output[] = []
    if (info.state.messages === 0) return outputs
    const consumer = await this.js.consumers.get(this.outputStream)
    const messages = await consumer.consume({ max_messages: 1000 })
    for await (const msg of messages) {
      const output: Output = {
        subject: msg.subject,
        kind: msg.subject === this.outSubject ? 'mapped' : 'dead-letter',
        seq: Number(msg.headers?.get('Mapdown-Source-Seq')),
        line: Number(msg.headers?.get('Mapdown-Source-Line')),
        msgId: msg.headers?.get('Nats-Msg-Id') ?? '',
        bytes: msg.data.byteLength,
        body: {},
      }
      if (msg.headers?.has('Mapdown-Records') === true) {
        // A batch (--out-batch): one output per record, each at the line its record names.
        for (const text of msg.string().split('\n').slice(0, -1)) {
          const body = JSON.parse(text) as Record<string, unknown>
          const line = (body['@mapdown'] as { source: { line: number } }).source.line
          outputs.push({ ...output, line, body, batch: { records: Number(msg.headers.get('Mapdown-Records')), lines: msg.headers.get('Mapdown-Source-Lines') } })
        }
      } else {
        outputs.push({ ...output, body: JSON.parse(msg.string()) as Record<string, unknown> })
      }
      if (msg.seq >= last) break
    }
    await messages.close()
    return outputs
  }

  /**
   * Every message of `stream` (default: the output stream) as stored: subject, headers
   * and payload, sorted by `Nats-Msg-Id` (outputs are published concurrently, so their
   * order in the stream varies from run to run).
   */
  async readStored(stream = this.outputStream): Promise<StoredMessage[]> {
    const info = await this.jsm.streams.info(stream)
    const stored: StoredMessage[] = []
    if (info.state.messages === 0) return stored
    const consumer = await this.js.consumers.get(stream)
    const messages = await consumer.consume({ max_messages: 1000 })
    for await (const msg of messages) {
      const headers = [...(msg.headers?.keys() ?? [])].map((key) => `${key}: ${msg.headers!.values(key).join(', ')}`)
      stored.push({ subject: msg.subject, msgId: msg.headers?.get('Nats-Msg-Id') ?? '', headers, payload: msg.string() })
      if (msg.seq >= info.state.last_seq) break
    }
    await messages.close()
    return stored.sort((a, b) => (a.msgId < b.msgId ? -1 : a.msgId > b.msgId ? 1 : 0))
  }

  /** Polls the output stream until every sequence in `seqs` is there, or the time is up. */
  async waitForOutputs(seqs: readonly number[], timeoutMs: number): Promise<Coverage> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      // Counting is cheap, reading everything is not: read once there can be enough.
      while ((await this.outputCount()) < seqs.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      const outputs = await this.readOutputs().catch(() => undefined)
      if (outputs === undefined) continue // the server is restarting: try again
      const coverage = cover(seqs, outputs)
      if (coverage.missing.length === 0 || Date.now() > deadline) return coverage
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }

  /** Resolves with the number of outputs once the output stream holds at least `count`. */
  async waitForOutputCount(count: number, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs
    let have: number
    while ((have = await this.outputCount()) < count) {
      if (Date.now() > deadline) throw new Error(`fewer than ${count} outputs after ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return have
  }

  /** Messages in the output stream; 0 while the server does not answer (e.g. restarting). */
  private async outputCount(): Promise<number> {
    try {
      return (await this.jsm.streams.info(this.outputStream)).state.messages
    } catch {
      return 0
    }
  }

  async dispose(): Promise<void> {
    for (const worker of this.workers) worker.kill('SIGKILL')
    await Promise.all(this.workers.map((worker) => worker.exited))
    await this.nc.close()
  }
}

export interface Output {
  subject: string
  kind: 'mapped' | 'dead-letter'
  seq: number
  line: number
  msgId: string
  /** Size of the payload as stored (of the whole batch for a record of a batch). */
  bytes: number
  body: Record<string, unknown>
  /** A record published in a batch (--out-batch): the batch's headers. */
  batch?: { records: number; lines: string }
}

export interface StoredMessage {
  subject: string
  msgId: string
  /** `Name: value` for each header, in the stored order. */
  headers: string[]
  payload: string
}

export interface Coverage {
  outputs: Output[]
  /** Input sequences with no output at all. */
  missing: number[]
  /** Outputs beyond the first for the same (seq, line, kind): what a downstream dedupe drops. */
  duplicates: number
  /** Sequences with both a mapped record and a dead letter: must never happen. */
  conflicting: number[]
}

export function cover(seqs: readonly number[], outputs: Output[]): Coverage {
  const seen = new Map<number, Set<string>>()
  const keys = new Set<string>()
  let duplicates = 0
  for (const output of outputs) {
    const key = `${output.seq}:${output.line}:${output.kind}`
    if (keys.has(key)) duplicates++
    keys.add(key)
    const kinds = seen.get(output.seq) ?? new Set<string>()
    kinds.add(output.kind)
    seen.set(output.seq, kinds)
  }
  return {
    outputs,
    missing: seqs.filter((seq) => !seen.has(seq)),
    duplicates,
    conflicting: [...seen].filter(([, kinds]) => kinds.size > 1).map(([seq]) => seq),
  }
}

export type LogEntry = Record<string, unknown> & { type?: string }

/** A `mapdown worker` child process and its JSON log lines (stderr). */
export class WorkerProcess {
  readonly child: ChildProcess
  readonly log: LogEntry[] = []
  /** Non-JSON stderr, e.g. an error message at startup. */
  readonly text: string[] = []
  readonly exited: Promise<number | null>
  private readonly listeners = new Set<() => void>()

  constructor(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } })
    let pending = ''
    this.child.stderr?.setEncoding('utf8')
    this.child.stderr?.on('data', (chunk: string) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        try {
          this.log.push(JSON.parse(line) as LogEntry)
        } catch {
          this.text.push(line)
        }
      }
      this.listeners.forEach((listener) => listener())
    })
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => {
      this.listeners.forEach((listener) => listener())
      resolve(code)
    }))
  }

  kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal)
  }

  /** The last stats line, the final one once the worker has stopped. */
  lastStats(): LogEntry | undefined {
    return this.log.filter((entry) => entry.type === 'stats').at(-1)
  }

  waitForLog(predicate: (entry: LogEntry) => boolean, timeoutMs: number): Promise<LogEntry> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.log.find(predicate)
        if (found !== undefined) return done(() => resolve(found))
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          done(() => reject(new Error(`worker exited (${this.child.exitCode ?? this.child.signalCode}): ${this.text.join('\n')}`)))
        }
      }
      const timer = setTimeout(() => done(() => reject(new Error(`no such log line after ${timeoutMs} ms: ${this.text.join('\n')}`))), timeoutMs)
      const done = (settle: () => void) => {
        clearTimeout(timer)
        this.listeners.delete(check)
        settle()
      }
      this.listeners.add(check)
      check()
    })
  }
}
