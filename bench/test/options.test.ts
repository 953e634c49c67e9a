import { describe, expect, it } from 'vitest'
import { parseOptions, selected, UsageError } from '../src/options.js'

describe('parseOptions', () => {
  it('should default to the full run on all cores', () => {
    expect(parseOptions([], {}, 2)).toEqual({
      quick: false,
      runs: 5,
      events: 200_000,
      warmup: 20_000,
      bigBytes: 1024 ** 3,
      skipBig: false,
      seed: 1,
      only: [],
      workersAll: 2,
    })
  })

  it('should shrink everything with --quick, and let explicit flags win over it and over the environment', () => {
    const quick = parseOptions(['--quick'], {}, 4)
    expect(quick).toMatchObject({ quick: true, runs: 3, events: 20_000, bigBytes: 50_000_000, workersAll: 4 })
    expect(parseOptions(['--quick', '--runs', '7'], { BENCH_RUNS: '9' }, 2)).toMatchObject({ runs: 7 })
    expect(parseOptions([], { BENCH_RUNS: '9', BENCH_SKIP_1GB: '1', BENCH_ONLY: 'process, handwritten' }, 2)).toMatchObject({
      runs: 9,
      skipBig: true,
      only: ['process', 'handwritten'],
    })
  })

  it('should not support a bad number or an unknown flag', () => {
    expect(() => parseOptions(['--runs', '0'], {}, 2)).toThrow(new UsageError('invalid value `0` for `--runs`, expected a positive integer'))
    expect(() => parseOptions(['--events', '1e3'], {}, 2)).toThrow(UsageError)
    expect(() => parseOptions(['--fast'], {}, 2)).toThrow()
    expect(parseOptions(['-h'], {}, 2)).toBe('help')
  })
})

describe('selected', () => {
  it('should select every row without --only, else exact ids and prefixes', () => {
    expect(selected({ only: [] }, 'process.jq')).toBe(true)
    expect(selected({ only: ['process'] }, 'process.jq')).toBe(true)
    expect(selected({ only: ['process'] }, 'mixed.process.floor')).toBe(false)
    expect(selected({ only: ['handwritten'] }, 'handwritten')).toBe(true)
  })
})
