import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NdjsonSplitter, type NdjsonLine } from '@mapdown/engine'
import { BatchMapper, type BatchResult } from '../src/map/batch.js'
import { BlockCutter, type Block } from '../src/map/block-cutter.js'
import { frameBlock } from '../src/map/block-framing.js'
import { mapLines } from '../src/map/executor.js'
import { LineBatcher } from '../src/map/framing.js'
import { LineNumbering, requoted, type BlockResult } from '../src/map/line-numbering.js'
import { fakeEngine } from './helpers/fake-engine.js'

/** The reference: one splitter over the whole input. */
function frameWhole(input: Uint8Array, maxLineBytes: number): NdjsonLine[] {
  const splitter = new NdjsonSplitter({ maxLineBytes })
  return [...splitter.push(input), ...splitter.end()]
}

function chunked(input: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (input.length + 1)))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let start = 0
  for (const point of points) {
    chunks.push(input.subarray(start, point))
    start = point
  }
  chunks.push(input.subarray(start))
  return chunks
}

const line = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' \t', '\r', '{"a":1}\r', '\uFEFF{"bom":true}', 'x'.repeat(90)),
)
const input = fc.oneof(
  fc.tuple(fc.boolean(), fc.array(line, { maxLength: 30 }), fc.boolean()).map(([bom, lines, trailing]) =>
    new TextEncoder().encode((bom ? '\uFEFF' : '') + lines.join('\n') + (trailing ? '\n' : '')),
  ),
  // Raw bytes with many newlines: invalid UTF-8 and odd line endings.
  fc.uint8Array({ maxLength: 300 }).map((bytes) => bytes.map((byte) => (byte % 5 === 0 ? 10 : byte))),
)

/** What `--workers 1` gives for `input`: one splitter, one mapper. */
function mapWhole(input: Uint8Array, maxLineBytes: number): BatchResult {
  const mapper = new BatchMapper(fakeEngine())
  mapLines(mapper, 'in', frameWhole(input, maxLineBytes))
  return mapper.take()
}

/** A block as a thread maps it (or the main thread, for an over-long line), numbered relative to the block. */
function mapBlock(block: Block, maxLineBytes: number): BlockResult {
  const mapper = new BatchMapper(fakeEngine())
  if (block.kind === 'lines') {
    mapLines(mapper, 'in', block.lines)
    return { ...mapper.take(), firstLineNo: block.firstLineNo, lineCount: block.lineCount }
  }
  const framed = frameBlock(block.pieces, block.startsInput, maxLineBytes)
  mapLines(mapper, 'in', framed.lines)
  return { ...mapper.take(), firstLineNo: framed.firstLineNo, lineCount: framed.lineCount }
}

/** Results placed in order, joined into one. */
function joined(results: BatchResult[]): { output: string; rejects: unknown[]; read: number } {
  return {
    output: results.map((result) => result.output).join(''),
    rejects: results.flatMap((result) => result.rejects),
    read: results.reduce((sum, result) => sum + result.counts.read, 0),
  }
}

describe('BlockCutter', () => {
  it('should give, block by block and numbered in order, exactly what one pass over the whole input gives', () => {
    fc.assert(
      fc.property(
        input,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 128 }),
        fc.boolean(),
        (bytes, cuts, maxLineBytes, blockBytes, ownsChunks) => {
          const expected = mapWhole(bytes, maxLineBytes)
          const cutter = new BlockCutter({ maxLineBytes, blockBytes, ownsChunks })
          const numbering = new LineNumbering()
          const results: BatchResult[] = []
          const place = (blocks: Block[]) => {
            for (const block of blocks) results.push(numbering.place(mapBlock(block, maxLineBytes), block.startsInput))
          }
          for (const piece of chunked(bytes.slice(), cuts)) {
            // Node Buffers, as streams give; an owned chunk is a buffer of its own, as a file read stream gives.
            const chunk = ownsChunks ? Buffer.from(piece.slice().buffer) : Buffer.from(piece.buffer, piece.byteOffset, piece.length)
            place(cutter.push(chunk))
            // Once pushed and its blocks mapped, a chunk is gone (transferred, or reused by its stream):
            // nothing may be read from it later.
            chunk.fill(0x78)
          }
          place(cutter.end())
          expect(joined(results)).toEqual(joined([expected]))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('should number the lines of every input from 1, BOM removed from its first line only', () => {
    const cutter = () => new BlockCutter({ maxLineBytes: 64, blockBytes: 1, ownsChunks: true })
    const numbering = new LineNumbering()
    const results: BatchResult[] = []
    const bom = Buffer.from('\uFEFF')
    const inputs = [
      Buffer.concat([bom, Buffer.from('{"kind":"a"}\n'), Buffer.from([0xff]), Buffer.from('\n')]),
      Buffer.concat([bom, Buffer.from('{"kind":"a"}\n'), bom, Buffer.from('{"kind":"b"}\n')]),
    ]
    for (const bytes of inputs) {
      const one = cutter()
      // One byte per chunk: many blocks, most of them not at the start of the input.
      const blocks = [...bytes].flatMap((byte) => one.push(Uint8Array.of(byte)))
      for (const block of [...blocks, ...one.end()]) results.push(numbering.place(mapBlock(block, 64), block.startsInput))
    }
    expect(results.flatMap((result) => result.rejects.map((reject) => [reject.line, reject.reason]))).toEqual([
      [2, 'invalid_utf8'],
      [2, 'invalid_json'],
    ])
    expect(results.flatMap((result) => result.rejects)[0]?.message).toBe('Unexpected invalid UTF-8 on line 2, expected UTF-8 text')
    expect(results.map((result) => result.output).join('')).toContain('test/a')
  })

  it('should not hold an over-long line: it is framed as it streams, keeping its head only', () => {
    const maxLineBytes = 100
    const cutter = new BlockCutter({ maxLineBytes, blockBytes: 1 << 20, ownsChunks: false })
    const blocks: Block[] = []
    blocks.push(...cutter.push(new TextEncoder().encode('{"a":1}\n{"long":"')))
    for (let index = 0; index < 1000; index++) blocks.push(...cutter.push(new Uint8Array(1000).fill(120)))
    blocks.push(...cutter.push(new TextEncoder().encode('"}\n{"b":2}\n')))
    blocks.push(...cutter.end())
    // Nothing held near the line's size: only its head, in the framed error.
    for (const block of blocks) if (block.kind === 'block') for (const piece of block.pieces) expect(piece.length).toBeLessThan(1000)
    const numbering = new LineNumbering()
    const rejects = blocks.flatMap((block) => numbering.place(mapBlock(block, maxLineBytes), block.startsInput).rejects)
    expect(rejects.map((reject) => [reject.line, reject.reason])).toEqual([
      [1, 'no_matching_dictionary'],
      [2, 'line_too_long'],
      [3, 'no_matching_dictionary'],
    ])
    expect(rejects[1]?.message).toBe('Unexpected line 2 of 1000011 bytes, expected at most 100 bytes')
  })
})

describe('requoted', () => {
  it('should move the line number a framing message quotes', () => {
    expect(requoted('Unexpected line 2 of 800 bytes, expected at most 400 bytes', 2, 12)).toBe('Unexpected line 12 of 800 bytes, expected at most 400 bytes')
    expect(requoted('Unexpected invalid UTF-8 on line 3, expected UTF-8 text', 3, 1003)).toBe('Unexpected invalid UTF-8 on line 1003, expected UTF-8 text')
  })

  it('should not support a message that does not quote the line', () => {
    expect(() => requoted('Unexpected line 22 of 800 bytes', 2, 12)).toThrow(/without "line 2"/)
  })
})

describe('LineBatcher', () => {
  it('should frame what one splitter frames, in batches', () => {
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 1, max: 64 }), (bytes, cuts, batchBytes) => {
        const batcher = new LineBatcher(32, batchBytes)
        const batches: NdjsonLine[][] = []
        for (const chunk of chunked(bytes, cuts)) batches.push(...batcher.push(chunk))
        batches.push(...batcher.end())
        expect(batches.flat()).toEqual(frameWhole(bytes, 32))
        for (const batch of batches) expect(batch.length).toBeGreaterThan(0)
      }),
    )
  })
})
