/**
 * Issue 12, case 10: a sample of one line with many keys was quadratic in the
 * offset mapping (20k keys 33 s, 40k keys 153 s). Not timed: the work is
 * counted (characters of file lines read, per offset mapped) and must not
 * grow with the number of keys. The time itself is measured by `pnpm bench`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contentOffsetMapper } from '../src/json/content-offsets.js'
import { originalOffset } from '../src/json/repair-backslashes.js'
import { LineIndex } from '../src/position.js'

/** A markdown file with a fenced sample of one line with `keys` keys, indented by `indent` spaces. */
function wideSample(keys: number, indent = 0): { file: string; value: string; firstLine: number; keyOffsets: number[] } {
  const parts: string[] = []
  for (let i = 0; i < keys; i++) parts.push(`"k${i}": ${i}`)
  const value = `{ ${parts.join(', ')} }\n`
  const pad = ' '.repeat(indent)
  const file = `# Sample\n\n${pad}\`\`\`json\n${pad}${value}${pad}\`\`\`\n`
  const keyOffsets: number[] = []
  for (let at = value.indexOf('"k'); at !== -1; at = value.indexOf('"k', at + 1)) keyOffsets.push(at)
  return { file, value, firstLine: 4, keyOffsets }
}

/** Maps every key's offset, counting the characters of file lines the mapper reads. */
function charactersRead(keys: number): { perKey: number; mapped: number[]; sample: ReturnType<typeof wideSample> } {
  const sample = wideSample(keys, 2)
  const index = new LineIndex(sample.file)
  let read = 0
  const counting = {
    lineText: (line: number) => {
      const text = index.lineText(line)
      read += text.length
      return text
    },
    lineStart: (line: number) => index.lineStart(line),
  }
  const toOriginal = contentOffsetMapper(sample.value, sample.firstLine, counting)
  const mapped = sample.keyOffsets.map(toOriginal)
  return { perKey: read / keys, mapped, sample }
}

describe('content offsets', () => {
  it('should map a one-line sample without rereading the line per offset (work per key does not grow with the keys)', () => {
    const small = charactersRead(2_000)
    const large = charactersRead(16_000)
    // Reading the line once in all: about its length, shared by every key.
    expect(small.perKey * 2_000).toBeLessThanOrEqual(small.sample.file.length)
    expect(large.perKey * 16_000).toBeLessThanOrEqual(large.sample.file.length)
    // Eight times the keys, (about) the same work per key; the old mapper read the whole line for each key (8x per key).
    expect(large.perKey).toBeLessThan(small.perKey * 1.5)
  })

  it('should map each offset to the same character in the file, indentation included', () => {
    const { mapped, sample } = charactersRead(500)
    for (const [k, original] of mapped.entries()) {
      const offset = sample.keyOffsets[k] ?? 0
      expect(sample.file.slice(original, original + 8)).toBe(sample.value.slice(offset, offset + 8))
    }
  })

  it('should count the backslashes added before an offset as a scan of the repairs does', () => {
    const scan = (repairedOffset: number, repairs: readonly number[]): number => {
      let shift = 0
      for (const [k, at] of repairs.entries()) {
        if (at + k < repairedOffset) shift++
        else break
      }
      return repairedOffset - shift
    }
    const repairs = fc.uniqueArray(fc.nat(500), { maxLength: 60 }).map((list) => list.sort((a, b) => a - b))
    fc.assert(
      fc.property(repairs, fc.nat(600), (list, offset) => {
        expect(originalOffset(offset, list)).toBe(scan(offset, list))
      }),
      { numRuns: 500 },
    )
  })
})
