import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scanJson } from '../src/json/scan-json.js'
import { originalOffset, repairBackslashes } from '../src/json/repair-backslashes.js'

// The scanner exists to say where JSON breaks; what it accepts must be exactly
// what JSON.parse accepts (differential test over valid and mangled JSON).

const accepts = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

const mangled = fc
  .tuple(fc.json({ maxDepth: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', ',', '}', ']', '"', '\\', ':', 'x', ' ', '{', '[', '-', '0', 'e', 'nul', '\n')), { maxLength: 3 }))
  .map(([text, edits]) => {
    let out = text
    for (const [at, remove, insert] of edits) {
      const index = out.length === 0 ? 0 : at % (out.length + 1)
      out = out.slice(0, index) + insert + out.slice(index + remove)
    }
    return out
  })

describe('scanJson', () => {
  it('should accept exactly what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 4 }), mangled, fc.string({ maxLength: 30 })), (text) => {
        const scan = scanJson(text)
        expect(scan.ok, text).toBe(accepts(text))
        if (!scan.ok) {
          expect(scan.offset).toBeGreaterThanOrEqual(0)
          expect(scan.offset).toBeLessThanOrEqual(text.length)
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('should name the position of the first error', () => {
    const scan = scanJson('{\n  "a": 1\n  "b": 2\n}')
    expect(scan).toMatchObject({ ok: false, offset: 13, reason: 'Unexpected `"` in JSON, expected `,` or `}`' })
  })

  it('should report deep nesting instead of overflowing', () => {
    const scan = scanJson('['.repeat(100_000))
    expect(scan.ok).toBe(false)
  })

  it('should remember where top-level keys are', () => {
    const scan = scanJson('{ "a": { "b": 1 }, "c": null }')
    expect(scan.ok && [...scan.topLevelKeys]).toEqual([
      ['a', { start: 2, end: 5 }],
      ['c', { start: 19, end: 22 }],
    ])
  })
})

describe('repairBackslashes', () => {
  it('should double only backslashes that start no JSON escape, and map offsets back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\\', '"', 'n', 'u', '0', 'W', ' '), { maxLength: 20 }), (chars) => {
        const inner = chars.filter((char) => char !== '"').join('')
        const text = `{"k": "${inner}"}`
        const { text: repaired, repairs } = repairBackslashes(text)
        expect(repaired.length).toBe(text.length + repairs.length)
        // The doubled backslash maps to the original one, the character after it to its own offset.
        for (const [k, at] of repairs.entries()) {
          expect(originalOffset(at + k + 1, repairs)).toBe(at)
          expect(originalOffset(at + k + 2, repairs)).toBe(at + 1)
        }
        if (accepts(text)) expect(repairs).toEqual([])
        // A string whose only problem was bad escapes is valid once repaired
        // (unless an odd run of trailing backslashes escapes the closing quote).
        const trailing = /\\+$/.exec(inner)?.[0].length ?? 0
        if (trailing % 2 === 0) expect(accepts(repaired)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})
