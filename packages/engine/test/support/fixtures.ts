import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))

/**
 * JSON cannot spell undefined, NaN, Infinity or -0, yet events parsed by
 * other means (or built in code) can hold them: fixtures write them as
 * `{"$js": "NaN"}` and this turns them back into the real value.
 */
const SPECIAL: Record<string, unknown> = {
  undefined,
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
}

export function revive(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value)
    if (keys.length === 1 && keys[0] === '$js') {
      const name = (value as { $js: string }).$js
      if (!(name in SPECIAL)) throw new Error(`Unknown $js special ${name}`)
      return SPECIAL[name]
    }
  }
  return value
}

export function readJson(...segments: string[]): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, ...segments), 'utf8'))
}

export function listFixtures(...segments: string[]): string[] {
  return readdirSync(join(FIXTURES, ...segments)).sort()
}
