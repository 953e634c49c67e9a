import { describe, expect, it } from 'vitest'
import { DisconnectSignal } from '../src/disconnect-signal.js'

describe('DisconnectSignal', () => {
  it('should fail what waits on the connection that dropped, and only that', async () => {
    const signal = new DisconnectSignal()
    const before = signal.next()
    signal.disconnected('127.0.0.1:4222')
    await expect(before).rejects.toThrow('disconnected from 127.0.0.1:4222 before JetStream acknowledged the publish')

    // Publishes issued after the drop wait for the next connection to drop, not this one.
    const after = signal.next()
    let settled = false
    after.catch(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(settled).toBe(false)
    signal.disconnected('127.0.0.1:4223')
    await expect(after).rejects.toThrow('127.0.0.1:4223')
  })

  it('should not raise an unhandled rejection when nobody waits', async () => {
    const signal = new DisconnectSignal()
    signal.disconnected('a')
    signal.disconnected('b')
    await new Promise((resolve) => setTimeout(resolve, 10))
  })
})
