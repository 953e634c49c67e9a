/**
 * File to file, one line at a time: the plain Node loop the whole-process
 * baselines use (read 1 MiB chunks, split on newlines, map, write with
 * backpressure). It is what a user's own script would do; the CLI under test
 * must beat the same I/O, so the baselines must not cut corners either.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'

export interface PipeCounts {
  read: number
  written: number
  rejected: number
}

export async function pipeLines(inPath: string, outPath: string, mapLine: (line: string) => string | null): Promise<PipeCounts> {
  const input = createReadStream(inPath, { encoding: 'utf8', highWaterMark: 1 << 20 })
  const output = createWriteStream(outPath)
  const counts: PipeCounts = { read: 0, written: 0, rejected: 0 }
  let carry = ''
  const mapChunk = (text: string, final: boolean): string => {
    let out = ''
    let start = 0
    for (;;) {
      const newline = text.indexOf('\n', start)
      if (newline < 0) break
      out += mapOne(text.slice(start, newline))
      start = newline + 1
    }
    carry = text.slice(start)
    if (final && carry.trim() !== '') {
      out += mapOne(carry)
      carry = ''
    }
    return out
  }
  const mapOne = (line: string): string => {
    if (line.trim() === '') return ''
    counts.read++
    const mapped = mapLine(line)
    if (mapped === null) {
      counts.rejected++
      return ''
    }
    counts.written++
    return mapped + '\n'
  }
  for await (const chunk of input) {
    const out = mapChunk(carry + (chunk as string), false)
    if (out !== '' && !output.write(out)) await once(output, 'drain')
  }
  const tail = mapChunk(carry, true)
  if (tail !== '') output.write(tail)
  output.end()
  await once(output, 'finish')
  return counts
}
