import type { EngineStats } from '@mapdown/engine'

/**
 * The worker's own counters, about JetStream messages and what was published.
 * The events in the messages are counted by the engine (`engine.stats()`),
 * whose names (`read`, `mapped`, `rejected`, ...) these never reuse.
 */
export interface WorkerCounters {
  /** Messages received from the consumer, redeliveries included. */
  messages: number
  /** Of `messages`, deliveries after the first (JetStream's delivery count > 1). */
  redelivered: number
  /** Mapped records published (PubAck received). */
  published: number
  /** Dead letters published: rejected events plus messages given up after too many deliveries. */
  dlq: number
  /** Messages acknowledged after all their outputs were published. */
  acked: number
  /** Messages handed back for redelivery (nak): after a failure, or fetched but not started when a drain began. */
  naked: number
  /** Messages terminated after their `max_deliveries` dead letter was published. */
  termed: number
  /** Outputs whose publish failed (timeout, disconnection, no stream). */
  publishFailures: number
  /** Outputs JetStream reported as duplicates (same Nats-Msg-Id within the window): republished after a redelivery. */
  duplicates: number
}

export function emptyCounters(): WorkerCounters {
  return { messages: 0, redelivered: 0, published: 0, dlq: 0, acked: 0, naked: 0, termed: 0, publishFailures: 0, duplicates: 0 }
}

/**
 * The JSON stats line: the engine's stats of the events (the same names and
 * shape as `engine.stats()` and `mapdown map --stats`), the worker's counters,
 * rates over the last interval. A redelivered message's events are mapped, and
 * counted, again.
 */
export type StatsLine = {
  type: 'stats'
  worker: string
  time: string
  uptimeMs: number
} & EngineStats &
  WorkerCounters & {
    inFlight: number
    connected: boolean
    /** Per second, since the previous line: messages received, events read, messages acknowledged. */
    rates: { messages: number; read: number; acked: number }
  }

/** Keeps the previous snapshot so that each line reports the rate since the last one. */
export class StatsReporter {
  private previous: WorkerCounters
  private previousRead = 0
  private previousAt: number
  private readonly startedAt: number

  constructor(
    private readonly worker: string,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now()
    this.previousAt = this.startedAt
    this.previous = emptyCounters()
  }

  line(counters: WorkerCounters, events: EngineStats, state: { inFlight: number; connected: boolean }): StatsLine {
    const at = this.now()
    const seconds = Math.max(at - this.previousAt, 1) / 1000
    const rate = (now: number, before: number) => Math.round((now - before) / seconds)
    const line: StatsLine = {
      type: 'stats',
      worker: this.worker,
      time: new Date(at).toISOString(),
      uptimeMs: at - this.startedAt,
      ...events,
      ...counters,
      inFlight: state.inFlight,
      connected: state.connected,
      rates: { messages: rate(counters.messages, this.previous.messages), read: rate(events.read, this.previousRead), acked: rate(counters.acked, this.previous.acked) },
    }
    this.previous = { ...counters }
    this.previousRead = events.read
    this.previousAt = at
    return line
  }
}
