import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boundedJson, type BoundedPayload, type DeadLetterPayload } from '../src/bounded-payload.js'

const build = (kept: BoundedPayload) => ({ reason: 'no_matching_dictionary', source: { stream: 'EVENTS', seq: 7 }, ...kept, worker: 'w' })
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')
const bytes = (text: string) => Buffer.byteLength(text)

// Text that JSON escapes heavily: quotes, backslashes, control characters, astral characters.
const hostileText = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\u0001', '\n', 'é', '😀', '\u2028'), maxLength: 400 })

describe('boundedJson', () => {
  it('should keep the whole payload when it fits', () => {
    const json = boundedJson({ text: 'a"b' }, 1_000, build)
    expect(JSON.parse(json)).toEqual(build({ payload: 'a"b' }))
    expect(boundedJson({ bytes: new Uint8Array([1, 2, 3]) }, undefined, build)).toBe(JSON.stringify(build({ payloadBase64: 'AQID' })))
  })

  it('should cut text to a head that fits, with the size and SHA-256 of the whole', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 150, max: 1_500 }), (text, limit) => {
        const json = boundedJson({ text }, limit, build)
        const entry = JSON.parse(json) as { payload: string; truncated?: { bytes: number; sha256: string; keptBytes: number } }
        expect(bytes(json)).toBeLessThanOrEqual(limit)
        expect(text.startsWith(entry.payload)).toBe(true)
        if (entry.truncated === undefined) {
          expect(entry.payload).toBe(text)
        } else {
          expect(entry.truncated).toEqual({ bytes: bytes(text), sha256: sha256(text), keptBytes: bytes(entry.payload) })
          expect(entry.payload.length).toBeLessThan(text.length)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('should cut bytes to a base64 head that fits, with the size and SHA-256 of the whole', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), fc.integer({ min: 200, max: 2_000 }), (data, limit) => {
        const json = boundedJson({ bytes: data }, limit, build)
        const entry = JSON.parse(json) as { payloadBase64: string; truncated?: { bytes: number; sha256: string; keptBytes: number } }
        expect(bytes(json)).toBeLessThanOrEqual(limit)
        const head = Buffer.from(entry.payloadBase64, 'base64')
        expect(Buffer.from(data).subarray(0, head.length).equals(head)).toBe(true)
        if (entry.truncated === undefined) expect(head.length).toBe(data.length)
        else expect(entry.truncated).toEqual({ bytes: data.length, sha256: sha256(data), keptBytes: head.length })
      }),
      { numRuns: 500 },
    )
  })

  it('should keep an empty head when the rest of the dead letter leaves no room', () => {
    const payload: DeadLetterPayload = { text: 'x'.repeat(100) }
    const entry = JSON.parse(boundedJson(payload, 10, build)) as Record<string, unknown>
    expect(entry).toMatchObject({ payload: '', truncated: { bytes: 100, sha256: sha256('x'.repeat(100)), keptBytes: 0 } })
  })
})
