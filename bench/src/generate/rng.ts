/**
 * A small seeded PRNG (mulberry32) so that every bench run generates the same
 * events: figures from two runs are comparable only if the input is identical.
 * Math.random cannot be seeded, hence this.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  hex(length: number): string
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs at least one item')
      return items[int(0, items.length - 1)] as T
    },
    hex(length: number): string {
      let out = ''
      for (let i = 0; i < length; i++) out += '0123456789ABCDEF'[int(0, 15)]
      return out
    },
  }
}
