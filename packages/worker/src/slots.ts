/**
 * A counting semaphore: at most `size` messages are processed at once, so that a
 * worker never holds more unacknowledged messages than it can finish within the
 * consumer's ack wait.
 */
export class Slots {
  private used = 0
  private readonly waiting: (() => void)[] = []
  private readonly idleWaiters: (() => void)[] = []

  constructor(private readonly size: number) {}

  get inUse(): number {
    return this.used
  }

  /** Takes a slot if one is free, without waiting. */
  tryAcquire(): boolean {
    if (this.used >= this.size) return false
    this.used++
    return true
  }

  async acquire(): Promise<void> {
    if (this.used < this.size) {
      this.used++
      return
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  release(): void {
    const next = this.waiting.shift()
    // The slot passes straight to a waiter, so `used` does not change.
    if (next !== undefined) return next()
    this.used--
    if (this.used === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve())
  }

  /** Resolves once nothing is in progress. */
  async idle(): Promise<void> {
    if (this.used === 0) return
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve))
  }
}
