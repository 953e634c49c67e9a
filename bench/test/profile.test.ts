import { describe, expect, it } from 'vitest'
import { hotSpots } from '../src/profile/top.js'

describe('hotSpots', () => {
  it('should rank functions by self samples and merge nodes of the same function', () => {
    const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 })
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('mapLine', 'file:///x/engine.js', 9) },
        { id: 2, callFrame: frame('', '') },
        { id: 3, callFrame: frame('mapLine', 'file:///x/engine.js', 9) },
      ],
      samples: [1, 1, 3, 2, 1],
    }
    const spots = hotSpots(profile, 5)
    expect(spots.map((spot) => [spot.name, spot.samples, spot.share])).toEqual([
      ['mapLine', 4, 0.8],
      ['(anonymous)', 1, 0.2],
    ])
    expect(spots[0]?.where.endsWith('x/engine.js:10')).toBe(true)
    expect(spots[1]?.where).toBe('(native)')
    expect(hotSpots(profile, 1)).toHaveLength(1)
  })
})
