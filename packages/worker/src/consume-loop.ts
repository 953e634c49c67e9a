/**
 * The consume loop: hands each delivered message to `process`, at most `slots` at a
 * time. Once a drain begins, messages the client has fetched but that have not started
 * are set aside instead: the caller hands them back (`nak`) once the subscription is
 * drained, so that another worker gets them now rather than after the ack wait. (Handed
 * back earlier, the server could redeliver them at once to this worker's pull still
 * open, where nobody would take them.) Messages already started finish and are acked.
 */
import type { Slots } from './slots.js'

export interface ConsumeLoopOptions<M> {
  slots: Slots
  process(message: M): Promise<void>
  /** True once a drain began. */
  draining(): boolean
  /** Receives each message not started because of the drain. */
  setAside(message: M): void
}

/** Resolves when `messages` ends (the consumer was closed) and nothing is in progress. */
export async function consumeLoop<M>(messages: AsyncIterable<M> | Iterable<M>, options: ConsumeLoopOptions<M>): Promise<void> {
  const { slots } = options
  for await (const message of messages) {
    if (options.draining()) {
      options.setAside(message)
      continue
    }
    await slots.acquire()
    // The drain may have begun while this message waited for a slot.
    if (options.draining()) {
      slots.release()
      options.setAside(message)
      continue
    }
    void options.process(message).finally(() => slots.release())
  }
  await slots.idle()
}
