import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createEngine, createMapStream, mapEvents, type MapResult } from '@mapdown/engine'
import { readJson } from './support/fixtures.js'

const ir = readJson('ir', 'network-connection.ir.json')
const good = (port: number) => JSON.stringify({ tcpv4: { sourceAddress: { address: '10.0.0.1', port } }, timestamp: { millisecondsSinceEpoch: 1571933515865 } })
const expectedRecord = (port: number) =>
  JSON.stringify({
    src_ip: '10.0.0.1',
    src_port: port,
    event_date_creation: '2019-10-24T16:11:55.865Z',
    '@mapdown': { dictionary: 'sentinelone/NetworkConnection', rule: 'NetworkConnection', logType: 'sentinelone' },
  })

function collect(): { sink: Writable; text: () => string } {
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk)
      callback()
    },
  })
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') }
}

describe('createMapStream', () => {
  it('should map NDJSON to NDJSON through a pipeline, reporting rejects with their line numbers', async () => {
    const engine = createEngine(ir)
    const rejects: [string, number, string][] = []
    const input = `\uFEFF${good(1)}\r\n\n{"nope":1}\n${good(2)}\nnot json\n${good(3)}`
    const { sink, text } = collect()
    await pipeline(Readable.from([Buffer.from(input)]), createMapStream(engine, { onReject: (r, lineNo, raw) => rejects.push([r.reason, lineNo, raw]) }), sink)
    expect(text()).toBe([expectedRecord(1), expectedRecord(2), expectedRecord(3)].join('\n') + '\n')
    expect(rejects).toEqual([
      ['no_matching_dictionary', 3, '{"nope":1}'],
      ['invalid_json', 5, 'not json'],
    ])
    expect(engine.stats()).toMatchObject({ read: 5, mapped: 3, rejected: 2 })
  })

  it('should give the same output however the input is chunked', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => (i % 7 === 3 ? '{"bad":' : good(i)))
    const input = Buffer.from(lines.join('\n') + '\n')
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: input.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const sorted = [...cuts].sort((a, b) => a - b)
        const chunks = [0, ...sorted].map((start, i) => input.subarray(start, sorted[i] ?? input.length))
        const { sink, text } = collect()
        await pipeline(Readable.from(chunks), createMapStream(createEngine(ir)), sink)
        expect(text()).toBe(
          lines
            .flatMap((line, i) => (line.startsWith('{"bad"') ? [] : [expectedRecord(i) + '\n']))
            .join(''),
        )
      }),
      { numRuns: 40 },
    )
  })

  it('should report framing errors as rejects and count them', async () => {
    const engine = createEngine(ir)
    const rejects: [string, number][] = []
    const input = Buffer.concat([Buffer.from(`${good(1)}\n`), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from(`{"tcpv4":"${'x'.repeat(200)}"}\n${good(2)}\n`)])
    const { sink, text } = collect()
    await pipeline(Readable.from([input]), createMapStream(engine, { maxLineBytes: 180, onReject: (r, lineNo) => rejects.push([r.reason, lineNo]) }), sink)
    expect(text()).toBe(`${expectedRecord(1)}\n${expectedRecord(2)}\n`)
    // Bytes that are not UTF-8 are `invalid_utf8`, as through `mapdown map` and the worker.
    expect(rejects).toEqual([
      ['invalid_utf8', 2],
      ['line_too_long', 3],
    ])
    expect(engine.stats()).toMatchObject({ read: 4, mapped: 2, rejected: 2, rejectedByReason: { invalid_utf8: 1, line_too_long: 1 } })
  })

  it('should respect backpressure: a slow reader holds the writer back', async () => {
    const engine = createEngine(ir)
    const stream = createMapStream(engine)
    // Nobody reads: once the readable side is full, write() must say stop.
    const line = Buffer.from(`${good(1)}\n`.repeat(100))
    let writes = 0
    while (stream.write(line) && writes < 10_000) writes++
    expect(writes).toBeLessThan(10_000)
    // Reading drains it and the writer may go on.
    const drained = new Promise((resolve) => stream.once('drain', resolve))
    stream.resume()
    await drained
    stream.destroy()
  })
})

describe('mapEvents', () => {
  it('should map lines and objects from an async iterable, in order, skipping blank lines', async () => {
    const engine = createEngine(ir)
    async function* source() {
      yield good(1)
      yield '   '
      yield JSON.parse(good(2)) as object
      yield '[1]'
    }
    const results: MapResult[] = []
    for await (const result of mapEvents(engine, source())) results.push(result)
    expect(results.map((r) => (r.ok ? JSON.stringify(r.record) : r.reason))).toEqual([expectedRecord(1), expectedRecord(2), 'not_an_object'])
    expect(engine.stats()).toMatchObject({ read: 3, mapped: 2, rejected: 1 })
  })
})
