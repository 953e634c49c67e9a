/** The worker's counters. Messages are JetStream messages; events are the lines in them. */
export interface WorkerCounters {
  /** Messages received from the consumer, redeliveries included. */
  read: number
  /** Of `read`, deliveries after the first (JetStream's delivery count > 1). */
  redelivered: number
  /** Events found in the messages. */
  events: number
  /** Mapped records published (PubAck received). */
  mapped: number
  /** Events rejected by the engine or the framing, published as dead letters. */
  rejected: number
  /** Dead letters published: `rejected` plus messages given up after too many deliveries. */
  dlq: number
  /** Messages acknowledged after all their outputs were published. */
  acked: number
  /** Messages handed back for redelivery after a failure (nak). */
  naked: number
  /** Messages terminated after their `max_deliveries` dead letter was published. */
  termed: number
  /** Outputs whose publish failed (timeout, disconnection, no stream). */
  publishFailures: number
  /** Outputs JetStream reported as duplicates (same Nats-Msg-Id within the window): republished after a redelivery. */
  duplicates: number
}

export function emptyCounters(): WorkerCounters {
  return { read: 0, redelivered: 0, events: 0, mapped: 0, rejected: 0, dlq: 0, acked: 0, naked: 0, termed: 0, publishFailures: 0, duplicates: 0 }
}

/** The JSON stats line: counters since start, rates over the last interval. */
export interface StatsLine extends WorkerCounters {
  type: 'stats'
  worker: string
  time: string
  uptimeMs: number
  inFlight: number
  connected: boolean
  /** Per second, since the previous line. */
  rates: { read: number; mapped: number; acked: number }
}

/** Keeps the previous snapshot so that each line reports the rate since the last one. */
export class StatsReporter {
  private previous: WorkerCounters
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

  line(counters: WorkerCounters, state: { inFlight: number; connected: boolean }): StatsLine {
    const at = this.now()
    const seconds = Math.max(at - this.previousAt, 1) / 1000
    const rate = (key: 'read' | 'mapped' | 'acked') => Math.round((counters[key] - this.previous[key]) / seconds)
    const line: StatsLine = {
      type: 'stats',
      worker: this.worker,
      time: new Date(at).toISOString(),
      uptimeMs: at - this.startedAt,
      ...counters,
      inFlight: state.inFlight,
      connected: state.connected,
      rates: { read: rate('read'), mapped: rate('mapped'), acked: rate('acked') },
    }
    this.previous = { ...counters }
    this.previousAt = at
    return line
  }
}
