import { describe, expect, it } from 'vitest'
import { Dispatcher } from '../src/dispatcher.js'
import { Slots } from '../src/slots.js'

class FakeMessage {
  constructor(readonly id: number) {}
}

describe('Dispatcher', () => {
  it('should set aside the fetched messages not started when the drain begins, and finish the started ones', async () => {
    const messages = Array.from({ length: 10 }, (_, id) => new FakeMessage(id))
    const started: number[] = []
    const setAside: number[] = []
    const finishing = new Map<number, () => void>()
    let draining = false
    const slots = new Slots(3)
    const dispatcher = new Dispatcher<FakeMessage>({
      slots,
      process: (message, done) => {
        started.push(message.id)
        finishing.set(message.id, done)
      },
      draining: () => draining,
      setAside: (message) => setAside.push(message.id),
    })

    // Three in progress fill the slots; the others wait for one.
    for (const message of messages.slice(0, 6)) dispatcher.push(message)
    expect(started).toEqual([0, 1, 2])
    expect(dispatcher.waiting).toBe(3)
    draining = true
    dispatcher.setAsideWaiting()
    // Messages the drained subscription still delivers are set aside too.
    for (const message of messages.slice(6)) dispatcher.push(message)
    finishing.get(0)!()
    finishing.get(1)!()
    finishing.get(2)!()
    await dispatcher.idle()

    expect(started).toEqual([0, 1, 2])
    expect(setAside).toEqual([3, 4, 5, 6, 7, 8, 9])
    expect(slots.inUse).toBe(0)
  })

  it('should process everything when no drain begins, in arrival order, never more than its slots at once', async () => {
    const processed: number[] = []
    let active = 0
    let peak = 0
    const slots = new Slots(2)
    const dispatcher = new Dispatcher<FakeMessage>({
      slots,
      process: (message, done) => {
        processed.push(message.id)
        active++
        peak = Math.max(peak, active)
        setTimeout(() => {
          active--
          done()
        }, 1)
      },
      draining: () => false,
      setAside: () => expect.unreachable(),
    })
    for (let id = 0; id < 5; id++) dispatcher.push(new FakeMessage(id))
    while (processed.length < 5) await new Promise((resolve) => setTimeout(resolve, 2))
    await dispatcher.idle()
    expect(processed).toEqual([0, 1, 2, 3, 4])
    expect(peak).toBe(2)
  })

  it('should start a message only while mayStart() allows, and resume when one settles', async () => {
    const started: number[] = []
    const finishing: (() => void)[] = []
    let room = 1
    const dispatcher = new Dispatcher<FakeMessage>({
      slots: new Slots(10),
      process: (message, done) => {
        started.push(message.id)
        room--
        finishing.push(() => {
          room++
          done()
        })
      },
      mayStart: () => room > 0,
      draining: () => false,
      setAside: () => expect.unreachable(),
    })
    for (let id = 0; id < 3; id++) dispatcher.push(new FakeMessage(id))
    expect(started).toEqual([0])
    finishing.shift()!()
    expect(started).toEqual([0, 1])
    finishing.shift()!()
    finishing.shift()!()
    expect(started).toEqual([0, 1, 2])
    await dispatcher.idle()
  })
})
