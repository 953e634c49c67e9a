import { describe, expect, it } from 'vitest'
import { emptyCounts } from '../src/map/counts.js'
import { ProgressLine } from '../src/map/progress.js'

describe('ProgressLine', () => {
  it('should redraw one line with counts and rate, and erase it when stopped', () => {
    const writes: string[] = []
    let now = 0
    const counts = emptyCounts()
    const progress = new ProgressLine({ write: (text: string) => writes.push(text) }, counts, () => now)
    Object.assign(counts, { read: 250_000, mapped: 249_000, rejected: 1_000 })
    now = 2_000
    progress.draw()
    expect(writes).toEqual(['\r\u001b[Kmapdown: 250,000 read, 249,000 mapped, 1,000 rejected (125,000 lines/s)'])
    progress.stop()
    expect(writes.at(-1)).toBe('\r\u001b[K')
  })

  it('should not erase anything when it never drew', () => {
    const writes: string[] = []
    const progress = new ProgressLine({ write: (text: string) => writes.push(text) }, emptyCounts())
    progress.stop()
    expect(writes).toEqual([])
  })
})
