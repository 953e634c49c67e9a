/**
 * Publishes to JetStream with many PubAcks outstanding at once, cheaply. `js.publish`
 * is a request per message: a promise, a timer, two pre-built errors (for async stack
 * traces) and a reply routed through the client's request table. Here every output is a
 * plain `PUB` with a reply subject under one inbox subscription of the worker's own; a
 * PubAck is matched to its output by the last token of that subject, and one timer sweeps
 * the outputs whose PubAck is overdue. What JetStream promises is unchanged: an output
 * counts as stored only when its PubAck says so.
 */
import { createInbox, headers as natsHeaders, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from '@nats-io/transport-node'
import type { DisconnectSignal } from './disconnect-signal.js'

/** JetStream's answer to a publish (the fields the worker reads). */
export interface PubAck {
  stream: string
  seq: number
  duplicate: boolean
}

/** Called once per output: with the PubAck, or with why it never came (error, timeout, disconnection). */
export type PublishCallback = (error: Error | undefined, ack: PubAck | undefined) => void

export interface PublisherOptions {
  /** How long an output may wait for its PubAck (ms). */
  timeoutMs: number
  /** Fails every output still waiting when the connection drops: those PubAcks can never come. */
  disconnect: DisconnectSignal
}

interface Pending {
  callback: PublishCallback
  deadline: number
}

export class Publisher {
  readonly #nc: NatsConnection
  readonly #prefix: string
  readonly #subscription: Subscription
  /** In publish order, hence in deadline order (one timeout for all). */
  readonly #pending = new Map<number, Pending>()
  readonly #timeoutMs: number
  readonly #timer: NodeJS.Timeout
  readonly #sweepMs: number
  #lastSweep: number
  #nextId = 1
  #closed = false

  constructor(nc: NatsConnection, options: PublisherOptions) {
    this.#nc = nc
    this.#timeoutMs = options.timeoutMs
    const inbox = createInbox()
    this.#prefix = `${inbox}.`
    this.#subscription = nc.subscribe(`${inbox}.*`, { callback: (error, msg) => (error === null ? this.#reply(msg) : this.#failAll(error)) })
    // A timeout is noticed within a quarter of it (at most 250 ms late).
    this.#sweepMs = Math.min(250, Math.max(10, this.#timeoutMs / 4))
    this.#lastSweep = Date.now()
    this.#timer = setInterval(() => this.#sweep(), this.#sweepMs)
    this.#timer.unref()
    const watch = (): void => {
      options.disconnect.next().catch((error: Error) => {
        this.#failAll(error)
        if (!this.#closed) watch()
      })
    }
    watch()
  }

  /** Outputs waiting for their PubAck. */
  get inFlight(): number {
    return this.#pending.size
  }

  /**
   * Publishes `payload` to `subject` with `headers` and JetStream's de-duplication id
   * (`Nats-Msg-Id`, none when undefined). `callback` is called exactly once, never before
   * this returns.
   */
  publish(subject: string, payload: string | Uint8Array, headerValues: Record<string, string>, msgId: string | undefined, callback: PublishCallback): void {
    const id = this.#nextId++
    try {
      let headers: MsgHdrs | undefined
      for (const key in headerValues) {
        headers ??= natsHeaders()
        // A fresh set of headers: append, not set (which looks for an existing key first).
        headers.append(key, headerValues[key]!)
      }
      if (msgId !== undefined) (headers ??= natsHeaders()).append('Nats-Msg-Id', msgId)
      this.#pending.set(id, { callback, deadline: Date.now() + this.#timeoutMs })
      this.#nc.publish(subject, payload, headers === undefined ? { reply: this.#prefix + id } : { reply: this.#prefix + id, headers })
    } catch (error) {
      // A closed or draining connection refuses to publish.
      this.#pending.delete(id)
      queueMicrotask(() => callback(error as Error, undefined))
    }
  }

  /** Stops the timer; outputs still waiting are failed. */
  close(): void {
    this.#closed = true
    clearInterval(this.#timer)
    this.#failAll(new Error('the publisher was closed before JetStream acknowledged the publish'))
    this.#subscription.unsubscribe()
  }

  #reply(msg: Msg): void {
    const id = Number(msg.subject.slice(this.#prefix.length))
    const pending = this.#pending.get(id)
    // Late: already failed by its timeout or a disconnection.
    if (pending === undefined) return
    this.#pending.delete(id)
    let error: Error | undefined
    let ack: PubAck | undefined
    try {
      ;[error, ack] = parsePubAck(msg)
    } catch (parseError) {
      error = new Error(`unreadable PubAck: ${(parseError as Error).message}`)
    }
    pending.callback(error, ack)
  }

  #sweep(): void {
    const now = Date.now()
    const lag = now - this.#lastSweep - this.#sweepMs
    this.#lastSweep = now
    // After a long synchronous stretch (mapping a large batch, a loaded machine), timers run
    // before the socket is read: PubAcks that arrived meanwhile are still unread. Give them
    // one more turn instead of taking them for timeouts.
    if (lag > this.#sweepMs) {
      for (const pending of this.#pending.values()) pending.deadline += lag
      return
    }
    for (const [id, pending] of this.#pending) {
      if (pending.deadline > now) break
      this.#pending.delete(id)
      pending.callback(new Error(`no PubAck from JetStream within ${this.#timeoutMs} ms`), undefined)
    }
  }

  #failAll(error: Error): void {
    const pending = [...this.#pending.values()]
    this.#pending.clear()
    for (const { callback } of pending) callback(error, undefined)
  }
}

/** A PubAck, a JetStream API error, or a status message (503: no stream captures the subject). */
function parsePubAck(msg: Msg): [Error | undefined, PubAck | undefined] {
  if (msg.data.byteLength === 0) {
    const code = msg.headers?.code ?? 0
    const status = code === 503 ? 'no responders: no stream captures the subject' : `${code} ${msg.headers?.description ?? ''}`.trim()
    return [new Error(`publish not acknowledged: ${status}`), undefined]
  }
  const body = JSON.parse(msg.string()) as { stream?: string; seq?: number; duplicate?: boolean; error?: { code?: number; description?: string } }
  if (body.error !== undefined) return [new Error(`JetStream refused the publish: ${body.error.description ?? 'error'} (${body.error.code ?? '?'})`), undefined]
  if (typeof body.stream !== 'string' || body.stream === '') return [new Error('invalid PubAck: no stream'), undefined]
  return [undefined, { stream: body.stream, seq: body.seq ?? 0, duplicate: body.duplicate === true }]
}
