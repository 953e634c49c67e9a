import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readJsonPath } from '../src/paths/jsonpath.js'
import { readTypeCell } from '../src/types/field-type.js'

// Cells come from pull requests: the readers' regexes must not backtrack
// super-linearly on blanks. The old forms are kept here as the reference
// language (the fixes must accept exactly what they accepted); the big inputs
// are ones the old forms never finished in practice (quadratic and cubic).
// The hang bound itself is tested through the CLI by test/hardening
// (cases redos-type-cell and redos-jsonpath-brackets).

const OLD_TYPE_CELL = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/s
const OLD_SLICE = /^\s*-?\d*\s*:\s*-?\d*\s*(?::\s*-?\d*\s*)?$/

describe('readTypeCell', () => {
  it('should read the same cells as the old pattern', () => {
    const cell = fc.array(fc.constantFrom(' ', '\t', '\n', 'date', 'x', '_', '1', '(', ')', 'yyyy', '!'), { maxLength: 10 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(cell, (text) => {
        const old = OLD_TYPE_CELL.exec(text)
        const result = readTypeCell(text)
        if (old === null) expect(result).toEqual({ ok: false, name: text.trim(), reason: 'malformed' })
        else expect(result.ok || result.reason === 'unknown').toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('should refuse a name, a million blanks and a stray character', () => {
    expect(readTypeCell(`integer${' '.repeat(1_000_000)}!`)).toMatchObject({ ok: false, reason: 'malformed' })
    expect(readTypeCell(`date${' '.repeat(1_000_000)}(${' '.repeat(1_000_000)}x`)).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('should still allow blanks around the name and before the argument', () => {
    expect(readTypeCell(`  date   (yyyy-MM-dd)  `)).toEqual({ ok: true, type: 'date', dateArgument: { pattern: 'yyyy-MM-dd' } })
  })
})

describe('readJsonPath slices', () => {
  it('should read as slices exactly the brackets the old pattern read as slices', () => {
    const body = fc.array(fc.constantFrom(' ', ':', '-', '1', '23', 'a', ','), { maxLength: 12 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(body, (text) => {
        let slice = false
        try {
          slice = readJsonPath(`$[${text}]`)[0]?.type === 'slice'
        } catch {
          slice = false
        }
        expect(slice).toBe(OLD_SLICE.test(text))
      }),
      { numRuns: 2000 },
    )
  })

  it('should refuse blanks around colons followed by a stray character', () => {
    const blanks = ' '.repeat(100_000)
    expect(() => readJsonPath(`$[${blanks}:${blanks}:${blanks}x]`)).toThrow(/brackets/)
    expect(readJsonPath(`$[ 1 : -2 ]`)).toEqual([{ type: 'slice', text: '1:-2' }])
  })
})
