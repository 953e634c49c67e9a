import { Transform, type TransformCallback } from 'node:stream'
import { Buffer } from 'node:buffer'
import { NdjsonSplitter } from '../ndjson/splitter.js'
import type { NdjsonLine } from '../ndjson/line.js'
import type { Engine, MapResult } from '../core/types.js'

export interface MapStreamOptions {
  /** Called for every line that was not mapped, with its 1-based line number and its text (or head). */
  readonly onReject?: (result: MapResult & { ok: false }, lineNo: number, raw: string) => void
  /** Longest input line in bytes; default 1 MiB. */
  readonly maxLineBytes?: number
}

/**
 * NDJSON text in, mapped NDJSON records out. Input chunks may be Buffers or
 * strings and may split lines anywhere; framing is `NdjsonSplitter`'s. Each
 * input chunk becomes at most one output chunk. As a Transform it respects
 * backpressure: it takes the next chunk only when its output is read.
 */
export function createMapStream(engine: Engine, options: MapStreamOptions = {}): Transform {
  const splitter = new NdjsonSplitter(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes })
  const onReject = options.onReject
  const mapLines = (lines: readonly NdjsonLine[]): string => {
    let out = ''
    for (const line of lines) {
      // A framing error (invalid UTF-8, too long) is rejected and counted by the engine with its own code.
      const result = engine.mapFramedLine(line)
      if (result.ok) out += `${JSON.stringify(result.record)}\n`
      else onReject?.(result, line.lineNo, 'error' in line ? line.raw : line.text)
    }
    return out
  }
  return new Transform({
    writableObjectMode: false,
    readableObjectMode: false,
    transform(chunk: Buffer | string, encoding: BufferEncoding, callback: TransformCallback) {
      try {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk
        const out = mapLines(splitter.push(bytes))
        callback(null, out.length > 0 ? out : undefined)
      } catch (error) {
        // Only a throwing onReject callback gets here: the engine itself never throws.
        callback(error as Error)
      }
    },
    flush(callback: TransformCallback) {
      try {
        const out = mapLines(splitter.end())
        callback(null, out.length > 0 ? out : undefined)
      } catch (error) {
        callback(error as Error)
      }
    },
  })
}
