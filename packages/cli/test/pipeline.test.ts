import { Readable, Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { NdjsonLine } from '@mapdown/engine'
import type { InputSpec } from '../src/io/inputs.js'
import { StreamSink } from '../src/io/sink.js'
import type { BatchResult } from '../src/map/batch.js'
import { InlineExecutor, type Executor } from '../src/map/executor.js'
import { runPipeline } from '../src/map/pipeline.js'
import { fakeEngine } from './helpers/fake-engine.js'

const STDIN: InputSpec = { name: '-', kind: 'stdin', gzip: false, size: undefined }

/** A writable that records what it got, slowly when asked. */
function recorder(options: { slow?: boolean; failOnWrite?: number; code?: string } = {}) {
  const chunks: string[] = []
  let writes = 0
  const stream = new Writable({
    highWaterMark: 1,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      writes++
      if (options.failOnWrite === writes) {
        callback(Object.assign(new Error(options.code ?? 'EPIPE'), { code: options.code ?? 'EPIPE' }))
        return
      }
      chunks.push(chunk)
      if (options.slow) setTimeout(callback, 1)
      else callback()
    },
  })
  return { stream, chunks, text: () => chunks.join('') }
}

function eventLines(count: number): string[] {
  return Array.from({ length: count }, (_, index) => JSON.stringify({ kind: index % 3 === 0 ? 'a' : 'b', n: index }))
}

/** Completes batches in a shuffled order, never more than `maxInFlight` at once. */
class ShufflingExecutor implements Executor<NdjsonLine[]> {
  readonly maxInFlight = 4
  pending = 0
  maxPending = 0
  private readonly inline = new InlineExecutor(fakeEngine(), { maxLineBytes: 1 << 20, batchBytes: 4096 })

  framer() {
    return this.inline.framer()
  }

  submit(file: string, lines: readonly NdjsonLine[]): Promise<BatchResult> {
    this.pending++
    this.maxPending = Math.max(this.maxPending, this.pending)
    const result = this.inline.submit(file, lines)
    return new Promise((resolve) =>
      setTimeout(() => {
        this.pending--
        resolve(result)
      }, Math.floor(Math.random() * 4)),
    )
  }

  async close(): Promise<void> {}
}

describe('runPipeline', () => {
  it('should write results in input order when batches complete out of order, with bounded batches in flight', async () => {
    const lines = eventLines(3000)
    // Many small chunks, split mid-line, so that there are many batches.
    const bytes = Buffer.from(lines.join('\n') + '\n')
    const chunks: Buffer[] = []
    for (let offset = 0; offset < bytes.length; offset += 997) chunks.push(bytes.subarray(offset, offset + 997))
    const executor = new ShufflingExecutor()
    const out = recorder()
    const { counts, stopped } = await runPipeline({
      inputs: [STDIN],
      executor,
      out: new StreamSink(out.stream, 'out'),
      rejects: undefined,
      stdin: () => Readable.from(chunks, { objectMode: true }),
    })
    expect(stopped).toBe(undefined)
    expect(counts.read).toBe(3000)
    expect(executor.maxPending).toBeLessThanOrEqual(4)
    expect(executor.maxPending).toBeGreaterThan(1)
    const numbers = out
      .text()
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { n: number }).n)
    expect(numbers).toEqual(lines.map((_, index) => index))
  })

  it('should slow reading down to the pace of a slow consumer', async () => {
    let pulled = 0
    let maxAhead = 0
    const out = recorder({ slow: true })
    const line = Buffer.from(JSON.stringify({ kind: 'a', n: 1 }) + '\n')
    function* source() {
      for (let index = 0; index < 300; index++) {
        pulled++
        maxAhead = Math.max(maxAhead, pulled - out.chunks.length)
        yield line
      }
    }
    const { counts } = await runPipeline({
      inputs: [STDIN],
      executor: new InlineExecutor(fakeEngine(), { maxLineBytes: 1 << 20, batchBytes: 1 }),
      out: new StreamSink(out.stream, 'out'),
      rejects: undefined,
      stdin: () => Readable.from(source(), { objectMode: true, highWaterMark: 1 }),
    })
    expect(counts.mapped).toBe(300)
    // Without backpressure the source would be read to the end before the first slow write completes.
    expect(maxAhead).toBeLessThan(10)
  })

  it('should stop reading quietly when the reader goes away (EPIPE)', async () => {
    let pulled = 0
    const line = Buffer.from(JSON.stringify({ kind: 'a', n: 1 }) + '\n')
    function* endless() {
      for (;;) {
        pulled++
        yield line
      }
    }
    const out = recorder({ failOnWrite: 2 })
    const { stopped } = await runPipeline({
      inputs: [STDIN],
      executor: new InlineExecutor(fakeEngine(), { maxLineBytes: 1 << 20, batchBytes: 1 }),
      out: new StreamSink(out.stream, 'out'),
      rejects: undefined,
      stdin: () => Readable.from(endless(), { objectMode: true, highWaterMark: 1 }),
    })
    expect(stopped).toBe('output-closed')
    expect(pulled).toBeLessThan(100)
  })

  it('should fail with the output named when writing fails for another reason', async () => {
    const out = recorder({ failOnWrite: 1, code: 'ENOSPC' })
    const sink = new StreamSink(out.stream, 'mapped.ndjson')
    const run = runPipeline({
      inputs: [STDIN],
      executor: new InlineExecutor(fakeEngine(), { maxLineBytes: 1 << 20, batchBytes: 1 }),
      out: sink,
      rejects: undefined,
      stdin: () => Readable.from([Buffer.from(eventLines(50).join('\n'))], { objectMode: true }),
    })
    // Whether the failure is seen while writing or when flushing, the run fails naming the problem.
    await expect(run.then(() => sink.finish())).rejects.toThrow(/^cannot write: ENOSPC$/)
  })
})
