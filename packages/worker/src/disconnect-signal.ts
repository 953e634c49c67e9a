/**
 * A promise that rejects at the next disconnection. Publishes in flight when the
 * connection drops never get their PubAck (the reply is lost with the connection),
 * so without this each would hold its slot until the publish timeout. Racing them
 * against this signal hands their messages back at once; the retry republishes
 * under the same Nats-Msg-Id, so the worst case is a duplicate JetStream drops.
 */
export class DisconnectSignal {
  private current = DisconnectSignal.pending()

  /** Rejects when the connection in use now drops. */
  next(): Promise<never> {
    return this.current.promise
  }

  /** Called on a `disconnect` status: fails everything waiting, arms a new signal. */
  disconnected(server: string): void {
    const previous = this.current
    this.current = DisconnectSignal.pending()
    previous.reject(new Error(`disconnected from ${server} before JetStream acknowledged the publish`))
  }

  private static pending(): { promise: Promise<never>; reject: (error: Error) => void } {
    let reject!: (error: Error) => void
    const promise = new Promise<never>((_, rejectWith) => {
      reject = rejectWith
    })
    // Nobody may be waiting when it fires.
    promise.catch(() => {})
    return { promise, reject }
  }
}
