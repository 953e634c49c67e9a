/**
 * The whole-process baselines and jq write what the in-process hand-written
 * mapper writes, so the whole-process rows compare the same output.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JQ_FILTER } from '../src/alternatives/jq.js'
import { mapLineWithJsonPath } from '../src/alternatives/jsonpath-plus.js'
import { createJsonataLineMapper } from '../src/alternatives/jsonata.js'
import { createRng } from '../src/generate/rng.js'
import { networkConnectionEvent } from '../src/generate/network-connection.js'
import { mapNetworkConnectionLine } from '../src/handwritten.js'
import { pipeLines } from '../src/process/pipe-lines.js'

const rng = createRng(11)
const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify(networkConnectionEvent(rng, i)))
const expected = lines.map((line) => mapNetworkConnectionLine(line))
const hasJq = (() => {
  try {
    execFileSync('jq', ['--version'])
    return true
  } catch {
    return false
  }
})()

describe('generic alternatives', () => {
  it('should write the hand-written mapper\'s lines with jsonpath-plus', () => {
    expect(lines.map(mapLineWithJsonPath)).toEqual(expected)
  })

  it('should write the hand-written mapper\'s lines with JSONata', async () => {
    const map = createJsonataLineMapper()
    const actual: (string | null)[] = []
    for (const line of lines) actual.push(await map(line))
    expect(actual).toEqual(expected)
  })

  it.skipIf(!hasJq)('should write the hand-written mapper\'s lines with jq', () => {
    const input = join(mkdtempSync(join(tmpdir(), 'bench-jq-')), 'in.ndjson')
    writeFileSync(input, lines.join('\n') + '\n')
    const output = execFileSync('jq', ['-c', JQ_FILTER, input], { encoding: 'utf8', maxBuffer: 64 << 20 })
    expect(output.trimEnd().split('\n')).toEqual(expected)
  })
})

describe('pipeLines', () => {
  it('should map every non-blank line once, count rejects, and map a last line without a newline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-pipe-'))
    const input = join(dir, 'in.ndjson')
    const output = join(dir, 'out.ndjson')
    writeFileSync(input, ['a', '', 'reject', '  ', 'b'].join('\n'))
    const counts = await pipeLines(input, output, (line) => (line === 'reject' ? null : line.toUpperCase()))
    expect(counts).toEqual({ read: 3, written: 2, rejected: 1 })
    expect(readFileSync(output, 'utf8')).toBe('A\nB\n')
  })

  it('should split lines across chunk boundaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-pipe-'))
    const input = join(dir, 'in.ndjson')
    const output = join(dir, 'out.ndjson')
    // Lines long enough that 1 MiB chunks end in the middle of one.
    const long = Array.from({ length: 40 }, (_, i) => String(i).padEnd(70_000 + i, 'x'))
    writeFileSync(input, long.join('\n') + '\n')
    await pipeLines(input, output, (line) => line.slice(0, 8))
    expect(readFileSync(output, 'utf8')).toBe(long.map((line) => line.slice(0, 8)).join('\n') + '\n')
  })
})
