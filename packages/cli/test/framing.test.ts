import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NdjsonSplitter, type NdjsonLine } from '@mapdown/engine'
import { BlockCutter, frameBlock, LineBatcher, type Block } from '../src/map/framing.js'

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

describe('BlockCutter', () => {
  it('should frame, block by block, exactly what one splitter frames from the whole input', () => {
    fc.assert(
      fc.property(
        input,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 128 }),
        (bytes, cuts, maxLineBytes, blockBytes) => {
          const cutter = new BlockCutter(maxLineBytes, blockBytes)
          const blocks: Block[] = []
          for (const chunk of chunked(bytes, cuts)) blocks.push(...cutter.push(chunk))
          blocks.push(...cutter.end())
          const framed = blocks.flatMap((block) => (block.kind === 'lines' ? block.lines : frameBlock(block, maxLineBytes)))
          expect(framed).toEqual(frameWhole(bytes, maxLineBytes))
          // Bounded: a block holds whole lines plus at most one chunk, never an over-long line in full.
          for (const block of blocks) if (block.kind === 'block') expect(block.bytes.byteOffset).toBe(0)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('should not hold an over-long line: it is framed as it streams, keeping its head only', () => {
    const maxLineBytes = 100
    const cutter = new BlockCutter(maxLineBytes, 1 << 20)
    const blocks: Block[] = []
    blocks.push(...cutter.push(new TextEncoder().encode('{"a":1}\n{"long":"')))
    for (let index = 0; index < 1000; index++) blocks.push(...cutter.push(new Uint8Array(1000).fill(120)))
    blocks.push(...cutter.push(new TextEncoder().encode('"}\n{"b":2}\n')))
    blocks.push(...cutter.end())
    const framed = blocks.flatMap((block) => (block.kind === 'lines' ? block.lines : frameBlock(block, maxLineBytes)))
    expect(framed.map((framedLine) => ('text' in framedLine ? framedLine.text : framedLine.error))).toEqual([
      '{"a":1}',
      'line_too_long',
      '{"b":2}',
    ])
    expect(framed[1]).toMatchObject({ lineNo: 2, message: expect.stringContaining('1000011 bytes') })
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
