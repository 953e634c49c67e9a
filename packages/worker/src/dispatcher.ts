/**
 * Hands each delivered message to `process` as it arrives, synchronously, so that the
 * outputs of every message in one read from the socket go out in one write. At most
 * `slots` messages are in progress, and a message starts only while `mayStart()` (the
 * window of outputs waiting for their PubAck has room); the others wait in arrival
 * order. Once a drain begins, messages fetched but not started are set aside instead:
 * the caller hands them back (`nak`) once the subscription is drained, so that another
 * worker gets them now rather than after the ack wait. (Handed back earlier, the server
 * could redeliver them at once to this worker's pull still open, where nobody would take
 * them.) Messages already started finish and are acked.
 */
import type { Slots } from './slots.js'

export interface DispatcherOptions<M> {
  slots: Slots
  /** Starts processing `message`; calls `done` once when it is settled, never before returning. */
  process(message: M, done: () => void): void
  /** Whether another message may start now (besides a free slot). */
  mayStart?(): boolean
  /** True once a drain began. */
  draining(): boolean
  /** Receives each message not started because of the drain. */
  setAside(message: M): void
}

export class Dispatcher<M> {
  readonly #options: DispatcherOptions<M>
  #waiting: M[] = []
  #next = 0
  #pumping = false

  constructor(options: DispatcherOptions<M>) {
    this.#options = options
  }

  /** Messages received and not started. */
  get waiting(): number {
    return this.#waiting.length - this.#next
  }

  /** A message delivered by the consumer. */
  push(message: M): void {
    if (this.#options.draining()) return this.#options.setAside(message)
    this.#waiting.push(message)
    this.#pump()
  }

  /** Sets aside every message not started (the drain began); call again once no more arrive. */
  setAsideWaiting(): void {
    const waiting = this.#waiting.slice(this.#next)
    this.#waiting = []
    this.#next = 0
    for (const message of waiting) this.#options.setAside(message)
  }

  /** Resolves once nothing is in progress. */
  idle(): Promise<void> {
    return this.#options.slots.idle()
  }

  #pump(): void {
    // A message settled while starting others (synchronously) must not start a second loop.
    if (this.#pumping) return
    this.#pumping = true
    const { slots } = this.#options
    try {
      while (this.#next < this.#waiting.length) {
        if (this.#options.draining()) return this.setAsideWaiting()
        if (this.#options.mayStart?.() === false || !slots.tryAcquire()) return
        const message = this.#waiting[this.#next]!
        this.#waiting[this.#next++] = undefined as M
        if (this.#next === this.#waiting.length) {
          this.#waiting = []
          this.#next = 0
        }
        let settled = false
        this.#options.process(message, () => {
          if (settled) return
          settled = true
          slots.release()
          this.#pump()
        })
      }
    } finally {
      this.#pumping = false
    }
  }
}
