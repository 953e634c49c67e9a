import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { coerce, datePatternProblem } from '@mapdown/engine'

/**
 * Date patterns whose variable-width number fields touch (`Hm`) make Luxon's
 * regex backtrack exponentially on a value that almost matches. The model
 * below classifies pattern pieces by hand, from Luxon's documented token
 * table, independently of the implementation (which asks Luxon).
 */
const VARIABLE = ['H', 'm', 's', 'd', 'M', 'h', 'y', 'yy', 'kk', 'u', 'S', 'q', 'W'] as const
const FIXED = ['HH', 'mm', 'ss', 'dd', 'MM', 'yyyy', 'SSS', 'hh', "'1'"] as const
const SEPARATOR = ['-', ':', ' ', '/', "'T'", 'MMM', 'MMMM', 'EEE', 'a', "'at'"] as const

type Piece = { text: string; kind: 'variable' | 'fixed' | 'separator' }

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.constantFrom(...VARIABLE).map((text) => ({ text, kind: 'variable' as const })),
  fc.constantFrom(...FIXED).map((text) => ({ text, kind: 'fixed' as const })),
  fc.constantFrom(...SEPARATOR).map((text) => ({ text, kind: 'separator' as const })),
)

/** Adjacent same letters would merge into one Luxon token (`H` + `H` is `HH`): keep pieces apart. */
function joinable(pieces: Piece[]): boolean {
  return pieces.every((p, i) => i === 0 || p.text.at(0) !== pieces[i - 1]!.text.at(-1))
}

function ambiguous(pieces: Piece[]): boolean {
  let open = false
  for (const p of pieces) {
    if (p.kind === 'separator') open = false
    else if (p.kind === 'variable') {
      if (open) return true
      open = true
    }
  }
  return false
}

describe('datePatternProblem', () => {
  it('should refuse exactly the patterns with two variable-width fields and no separator between them', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }).filter(joinable), (pieces) => {
        const pattern = pieces.map((p) => p.text).join('')
        expect(datePatternProblem(pattern) !== undefined, pattern).toBe(ambiguous(pieces))
      }),
      { numRuns: 2000 },
    )
  })

  it('should accept the formats dictionaries use', () => {
    for (const pattern of ['yyyy-MM-dd HH:mm:ss', "yyyy-MM-dd'T'HH:mm:ss.SSSZZ", 'M/d/yy H:mm', 'yyyyMMddHHmmss', 'MMM d, yyyy h:mm:ss a', 'D', 'f']) {
      expect(datePatternProblem(pattern), pattern).toBeUndefined()
    }
  })

  it('should make coerce report an issue for a refused pattern instead of running it', () => {
    // 40 touching fields on a value that fails at its last character: Luxon
    // alone would backtrack for hours (24 fields already took 1.5 s).
    const result = coerce(`${'1'.repeat(60)}x`, 'date', { pattern: 'Hm'.repeat(20) })
    expect(result).toMatchObject({ kind: 'issue', code: 'invalid_date' })
    expect(result.kind === 'issue' && result.message).toContain('the pattern is refused: the variable-width fields `H` and `m` have no separator')
  })

  it('should refuse patterns longer than 100 characters', () => {
    expect(datePatternProblem(`yyyy-MM-dd${"'x'".repeat(31)}`)).toMatch(/expected at most 100/)
  })
})
