import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NdjsonSplitter, type NdjsonLine } from '@mapdown/engine'

function frame(bytes: Uint8Array, options: { maxLineBytes?: number; firstLineNo?: number }): NdjsonLine[] {
  const splitter = new NdjsonSplitter(options)
  return [...splitter.push(bytes), ...splitter.end()]
}

describe('NdjsonSplitter firstLineNo', () => {
  it('should frame a piece cut at a newline exactly as that part of the whole stream', () => {
    const line = fc.oneof(
      fc.json(),
      fc.string(),
      fc.constantFrom('', '  ', '\r', '\uFEFF{"a":1}', '{"b":2}\r', 'x'.repeat(40)),
    )
    const bytes = fc.oneof(
      fc.array(line, { maxLength: 20 }).map((lines) => new TextEncoder().encode(lines.join('\n'))),
      // Arbitrary bytes too: invalid UTF-8 must be reported the same way in a piece.
      fc.uint8Array({ maxLength: 200 }).map((array) => array.map((byte) => (byte % 7 === 0 ? 10 : byte))),
    )
    fc.assert(
      fc.property(bytes, fc.nat(), fc.integer({ min: 1, max: 48 }), (input, pick, maxLineBytes) => {
        const newlines = input.reduce<number[]>((found, byte, index) => (byte === 10 ? [...found, index] : found), [])
        if (newlines.length === 0) return
        const cut = (newlines[pick % newlines.length] as number) + 1
        const before = input.subarray(0, cut).filter((byte) => byte === 10).length
        const whole = frame(input, { maxLineBytes })
        const pieces = [
          ...frame(input.subarray(0, cut), { maxLineBytes }),
          ...frame(input.subarray(cut), { maxLineBytes, firstLineNo: before + 1 }),
        ]
        expect(pieces).toEqual(whole)
      }),
    )
  })

  it('should count every line it completes, blank and rejected ones included, from its first line', () => {
    const bytes = fc.uint8Array({ maxLength: 200 }).map((array) => array.map((byte) => (byte % 5 === 0 ? 10 : byte)))
    fc.assert(
      fc.property(bytes, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 32 }), (input, firstLineNo, maxLineBytes) => {
        const splitter = new NdjsonSplitter({ maxLineBytes, firstLineNo })
        splitter.push(input)
        const newlines = input.filter((byte) => byte === 10).length
        expect(splitter.lineCount).toBe(newlines)
        splitter.end()
        expect(splitter.lineCount).toBe(newlines + (input.length > 0 && input[input.length - 1] !== 10 ? 1 : 0))
      }),
    )
  })

  it('should not support a first line number below 1', () => {
    expect(() => new NdjsonSplitter({ firstLineNo: 0 })).toThrow(RangeError)
  })
})
