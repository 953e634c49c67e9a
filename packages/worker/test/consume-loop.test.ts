import { describe, expect, it } from 'vitest'
import { consumeLoop } from '../src/consume-loop.js'
import { Slots } from '../src/slots.js'

class FakeMessage {
  constructor(readonly id: number) {}
}

/** A deferred promise, to hold a message "in processing" until the test lets it go. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

describe('consumeLoop', () => {
  it('should set aside the fetched messages not started when the drain begins, and finish the started ones', async () => {
    const messages = Array.from({ length: 10 }, (_, id) => new FakeMessage(id))
    const started: number[] = []
    const setAside: number[] = []
    const finishing = new Map<number, () => void>()
    let draining = false
    const slots = new Slots(3)
    const slotsFull = deferred()

    const loop = consumeLoop(messages, {
      slots,
      process: (message) => {
        started.push(message.id)
        const hold = deferred()
        finishing.set(message.id, hold.resolve)
        if (started.length === 3) slotsFull.resolve()
        return hold.promise
      },
      draining: () => draining,
      setAside: (message) => setAside.push(message.id),
    })

    // Three in progress fill the slots; the fourth waits for one.
    await slotsFull.promise
    draining = true
    finishing.get(0)!()
    finishing.get(1)!()
    finishing.get(2)!()
    await loop

    expect(started).toEqual([0, 1, 2])
    expect(setAside).toEqual([3, 4, 5, 6, 7, 8, 9])
    expect(slots.inUse).toBe(0)
  })

  it('should process everything when no drain begins', async () => {
    const messages = Array.from({ length: 5 }, (_, id) => new FakeMessage(id))
    const processed: number[] = []
    await consumeLoop(messages, {
      slots: new Slots(2),
      process: async (message) => void processed.push(message.id),
      draining: () => false,
      setAside: () => expect.unreachable(),
    })
    expect(processed).toEqual([0, 1, 2, 3, 4])
  })
})
