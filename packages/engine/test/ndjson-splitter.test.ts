import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { NdjsonSplitter, type NdjsonLine } from '@mapdown/engine'
import { FIXTURES, listFixtures, readJson } from './support/fixtures.js'

interface SplitterCase {
  options?: { maxLineBytes?: number }
  lines: NdjsonLine[]
}

/** Feed `input` cut at the given offsets, then end. */
function split(input: Uint8Array, cuts: number[], options?: { maxLineBytes?: number }): NdjsonLine[] {
  const splitter = new NdjsonSplitter(options)
  const lines: NdjsonLine[] = []
  let start = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    lines.push(...splitter.push(input.subarray(start, cut)))
    start = cut
  }
  lines.push(...splitter.push(input.subarray(start)))
  lines.push(...splitter.end())
  return lines
}

function everyByte(input: Uint8Array): number[] {
  return Array.from({ length: input.length }, (_, i) => i)
}

describe('NdjsonSplitter (fixtures in test/fixtures/ndjson/)', () => {
  for (const name of listFixtures('ndjson')) {
    const input = new Uint8Array(readFileSync(join(FIXTURES, 'ndjson', name, 'input.ndjson')))
    const expected = readJson('ndjson', name, 'expected.json') as SplitterCase

    it(`should split ${name} in one chunk`, () => {
      expect(split(input, [], expected.options)).toEqual(expected.lines)
    })

    it(`should split ${name} fed one byte at a time`, () => {
      expect(split(input, everyByte(input), expected.options)).toEqual(expected.lines)
    })

    it(`should split ${name} cut anywhere`, () => {
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 0, max: input.length }), { maxLength: 8 }), (cuts) => {
          expect(split(input, cuts, expected.options)).toEqual(expected.lines)
        }),
        { numRuns: 50 },
      )
    })
  }
})

describe('NdjsonSplitter properties', () => {
  const textLine = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ''))
  const lineEnding = fc.constantFrom('\n', '\r\n')

  it('should give the same lines however the input is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(textLine, lineEnding), { maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        fc.uniqueArray(fc.nat(), { maxLength: 10 }),
        (rows, finalNewline, maxLineBytes, rawCuts) => {
          let text = rows.map(([line, ending]) => line + ending).join('')
          if (!finalNewline && text.endsWith('\n')) text = text.replace(/\r?\n$/, '')
          const input = new TextEncoder().encode(text)
          const cuts = rawCuts.map((c) => c % (input.length + 1))
          const options = { maxLineBytes }
          expect(split(input, cuts, options)).toEqual(split(input, [], options))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('should give back every non-blank line as written, numbered as an editor numbers it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(textLine, lineEnding), { maxLength: 12 }), (rows) => {
        const input = new TextEncoder().encode(rows.map(([line, ending]) => line + ending).join(''))
        const expected = rows.flatMap(([line], index) =>
          /^[ \t]*$/.test(line) || (index === 0 && line.startsWith('\ufeff') && /^[ \t]*$/.test(line.slice(1)))
            ? []
            : [{ lineNo: index + 1, text: index === 0 && line.startsWith('\ufeff') ? line.slice(1) : line }],
        )
        expect(split(input, [])).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('should refuse a bad limit', () => {
    expect(() => new NdjsonSplitter({ maxLineBytes: 0 })).toThrow(RangeError)
    expect(() => new NdjsonSplitter({ maxLineBytes: 1.5 })).toThrow(RangeError)
  })

  it('should refuse a push after end', () => {
    const splitter = new NdjsonSplitter()
    splitter.end()
    expect(() => splitter.push(new Uint8Array([1]))).toThrow(/after end/)
  })
})
