/**
 * How mapped lines are collected: one string on the main thread, UTF-8 bytes
 * in a worker thread (`ByteOutput`), whose buffers are transferred, given
 * back and reused. Whatever the lines, their sizes and the buffers given
 * back, the bytes are the string's UTF-8 encoding.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteOutput, TextOutput } from '../src/map/mapped-output.js'

const decoder = new TextDecoder('utf-8', { fatal: true })

describe('TextOutput and ByteOutput', () => {
  it('should give, batch after batch, the UTF-8 bytes of the text joined line by line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 12 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 3 }),
        (batches, initialBytes, maxSpares) => {
          const bytes = new ByteOutput(initialBytes, maxSpares)
          const text = new TextOutput()
          const taken: Uint8Array[] = []
          for (const batch of batches) {
            for (const line of batch) {
              bytes.append(line)
              text.append(line)
            }
            const out = bytes.take()
            const expected = text.take()
            expect(decoder.decode(out)).toBe(expected)
            expect(out.byteLength).toBe(Buffer.byteLength(expected))
            taken.push(out)
            // Buffers come back written, in the order they were taken (the main thread writes in order).
            if (taken.length > 1) bytes.recycle((taken.shift() as Uint8Array).buffer as ArrayBuffer)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('should give each batch a buffer of its own, reusing one only once it is given back', () => {
    const output = new ByteOutput(8)
    output.append('{"a":1}')
    const first = output.take()
    output.append('{"b":2}')
    const second = output.take()
    expect(second.buffer).not.toBe(first.buffer)
    expect(decoder.decode(first)).toBe('{"a":1}\n')
    output.recycle(first.buffer as ArrayBuffer)
    output.append('{"c":3}')
    const third = output.take()
    expect(third.buffer).toBe(first.buffer)
    expect(decoder.decode(second)).toBe('{"b":2}\n')
    expect(decoder.decode(third)).toBe('{"c":3}\n')
  })

  it('should give an empty batch as zero bytes and keep its buffer for the next batch', () => {
    const output = new ByteOutput(8)
    expect(output.take().byteLength).toBe(0)
    output.append('é')
    expect([...output.take()]).toEqual([0xc3, 0xa9, 10])
  })
})
