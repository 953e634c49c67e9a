/**
 * Byte ranges read by the worker threads (`--workers N` on a file): whatever
 * the range size and the size of the pieces each range is framed in, the
 * ranges' lines, placed in order, are exactly what one
 * splitter over the whole file gives (events across range boundaries, CRLF
 * split between ranges, a BOM, blank lines, invalid UTF-8, over-long lines
 * spanning many ranges, a last line without newline).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { NdjsonSplitter } from '@mapdown/engine'
import { BatchMapper, type BatchResult } from '../src/map/batch.js'
import { ByteOutput } from '../src/map/mapped-output.js'
import { mapLines } from '../src/map/executor.js'
import { fileRanges, RangeReadError, readRange } from '../src/map/file-range.js'
import { LineNumbering } from '../src/map/line-numbering.js'
import { fakeEngine } from './helpers/fake-engine.js'

const folder = mkdtempSync(join(tmpdir(), 'mapdown-ranges-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
let files = 0

/** What `--workers 1` gives: one splitter, one mapper. */
function mapWhole(bytes: Uint8Array, maxLineBytes: number): BatchResult {
  const splitter = new NdjsonSplitter({ maxLineBytes })
  const mapper = new BatchMapper(fakeEngine())
  mapLines(mapper, 'in', [...splitter.push(bytes), ...splitter.end()])
  return mapper.take()
}

/**
 * The file mapped range by range, as the threads do, with a read buffer of
 * `bufferBytes`, each range framed `pieceBytes` at a time and its output
 * collected as bytes.
 */
function mapByRanges(bytes: Uint8Array, maxLineBytes: number, rangeBytes: number, bufferBytes: number, pieceBytes?: number): BatchResult[] {
  const path = join(folder, `input-${files++}.ndjson`)
  writeFileSync(path, bytes)
  const numbering = new LineNumbering()
  const buffer = Buffer.alloc(bufferBytes)
  const output = new ByteOutput(16)
  return [...fileRanges(path, bytes.length, rangeBytes)].map((range) => {
    const mapper = new BatchMapper(fakeEngine(), output)
    const lines = readRange(range, maxLineBytes, buffer, (framed) => mapLines(mapper, 'in', framed), pieceBytes)
    const result = mapper.take()
    const bytes = result.output as Uint8Array
    const text = Buffer.from(bytes).toString()
    // Given back as the main thread does once written: later ranges write into it.
    output.recycle(bytes.buffer as ArrayBuffer)
    return numbering.place({ ...result, output: text, ...lines }, range.startsInput)
  })
}

function joined(results: BatchResult[]): { output: string; rejects: unknown[]; read: number; mapped: number } {
  return {
    output: results.map((result) => result.output).join(''),
    rejects: results.flatMap((result) => result.rejects),
    read: results.reduce((sum, result) => sum + result.counts.read, 0),
    mapped: results.reduce((sum, result) => sum + result.counts.mapped, 0),
  }
}

const line = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' \t', '\r', '{"a":1}\r', '{"kind":"a"}', '{"kind":"b"}\r', '\uFEFF{"bom":true}', `{"long":"${'x'.repeat(90)}"}`),
)
const input = fc.oneof(
  fc.tuple(fc.boolean(), fc.array(line, { maxLength: 30 }), fc.boolean()).map(([bom, lines, trailing]) =>
    new TextEncoder().encode((bom ? '\uFEFF' : '') + lines.join('\n') + (trailing ? '\n' : '')),
  ),
  // Raw bytes with many newlines and carriage returns: invalid UTF-8 and odd line endings.
  fc.uint8Array({ maxLength: 300 }).map((bytes) => bytes.map((byte) => (byte % 5 === 0 ? 10 : byte % 7 === 0 ? 13 : byte))),
)

describe('fileRanges and readRange', () => {
  it('should give, range by range and numbered in order, exactly what one pass over the whole file gives', () => {
    fc.assert(
      fc.property(
        input,
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 96 }),
        fc.integer({ min: 1, max: 48 }),
        (bytes, maxLineBytes, rangeBytes, bufferBytes, pieceBytes) => {
          expect(joined(mapByRanges(bytes, maxLineBytes, rangeBytes, bufferBytes, pieceBytes))).toEqual(joined([mapWhole(bytes, maxLineBytes)]))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('should give a line that spans many ranges to the range it starts in, and nothing to those inside it', () => {
    const huge = `{"kind":"a","pad":"${'y'.repeat(5_000)}"}`
    const bytes = new TextEncoder().encode(`{"kind":"a"}\r\n\n${huge}\r\n{"kind":"b"}\n\n{"kind":"a"}`)
    const results = mapByRanges(bytes, 10_000, 100, 64)
    expect(joined(results)).toEqual(joined([mapWhole(bytes, 10_000)]))
    // The ranges that lie inside the huge line frame no line at all.
    expect(results.filter((result) => result.counts.read === 0).length).toBeGreaterThan(40)
    expect(joined(results).mapped).toBe(4)
  })

  it('should not hold an over-long line whole: its reject keeps the head only', () => {
    const bytes = new TextEncoder().encode(`{"kind":"a"}\n{"long":"${'z'.repeat(100_000)}"}\n{"kind":"b"}\n`)
    const results = mapByRanges(bytes, 1_000, 4_096, 4_096 + 64)
    const rejects = joined(results).rejects as Array<{ line: number; reason: string; raw: string; message: string }>
    expect(rejects.map((reject) => [reject.line, reject.reason])).toEqual([[2, 'line_too_long']])
    expect(rejects[0]?.raw.length).toBeLessThan(2_000)
    expect(rejects[0]?.message).toBe('Unexpected line 2 of 100011 bytes, expected at most 1000 bytes')
  })

  it("should report a file it cannot read as a RangeReadError with the system code, and let the caller's errors through", () => {
    const missing = { kind: 'range', path: join(folder, 'missing.ndjson'), start: 0, end: 10, last: true, startsInput: true } as const
    const error = (() => {
      try {
        readRange(missing, 100, Buffer.alloc(16), () => {})
      } catch (thrown) {
        return thrown
      }
    })()
    expect(error).toBeInstanceOf(RangeReadError)
    expect((error as RangeReadError).code).toBe('ENOENT')
    const path = join(folder, `input-${files++}.ndjson`)
    writeFileSync(path, '{"kind":"a"}\n')
    const range = [...fileRanges(path, 13, 100)][0]!
    const failing = () => readRange(range, 100, Buffer.alloc(16), () => { throw new TypeError('mapping failed') })
    expect(failing).toThrow(TypeError)
  })

  it('should cut a file into ranges that cover it exactly once', () => {
    expect([...fileRanges('f', 0, 10)]).toEqual([])
    expect([...fileRanges('f', 25, 10)].map((range) => [range.start, range.end, range.last, range.startsInput])).toEqual([
      [0, 10, false, true],
      [10, 20, false, false],
      [20, 25, true, false],
    ])
  })
})
