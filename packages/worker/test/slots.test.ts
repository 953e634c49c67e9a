import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Slots } from '../src/slots.js'

describe('Slots', () => {
  it('should never hand out more than its size, serve waiters in order, and report idle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }), async (size, holds) => {
        const slots = new Slots(size)
        let active = 0
        let peak = 0
        const started: number[] = []
        const tasks = holds.map(async (ticks, index) => {
          await slots.acquire()
          started.push(index)
          active++
          peak = Math.max(peak, active)
          for (let tick = 0; tick < ticks; tick++) await Promise.resolve()
          active--
          slots.release()
        })
        // Free slots are granted at once; the rest wait.
        expect(slots.inUse).toBe(Math.min(size, holds.length))
        await Promise.all(tasks)
        await slots.idle()
        expect(peak).toBeLessThanOrEqual(size)
        expect(started).toEqual(holds.map((_, index) => index))
        expect(slots.inUse).toBe(0)
      }),
    )
  })

  it('should resolve idle() only once the last holder releases', async () => {
    const slots = new Slots(2)
    await slots.acquire()
    await slots.acquire()
    let idle = false
    const waiting = slots.idle().then(() => (idle = true))
    slots.release()
    await Promise.resolve()
    expect(idle).toBe(false)
    slots.release()
    await waiting
    expect(idle).toBe(true)
  })
})
