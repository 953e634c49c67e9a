import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countLines, readFirstLines, sha256File } from '../src/measure/files.js'
import { parseGnuTimeRss, stripGnuTimeReport, runProcess } from '../src/measure/run-process.js'
import { median, summarize } from '../src/measure/stats.js'
import { lastStatsObject } from '../src/rows/run-whole-process.js'

describe('median and summarize', () => {
  it('should give the middle of the sorted values (mean of the two middles when even)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 50 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b)
        const n = sorted.length
        const expected = n % 2 === 1 ? sorted[(n - 1) / 2] : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2
        expect(median(values)).toBe(expected)
        const summary = summarize(values)
        expect(summary.min).toBeLessThanOrEqual(summary.median)
        expect(summary.median).toBeLessThanOrEqual(summary.max)
        expect(summary.runs).toBe(n)
      }),
    )
  })

  it('should not support an empty list', () => {
    expect(() => median([])).toThrow(RangeError)
    expect(() => summarize([])).toThrow(RangeError)
  })
})

describe('GNU time report', () => {
  const report = 'tool output\n\tCommand being timed: "node x"\n\tMaximum resident set size (kbytes): 102400\n\tExit status: 0\n'
  it('should read the peak RSS in bytes and keep the process\'s own stderr', () => {
    expect(parseGnuTimeRss(report)).toBe(102400 * 1024)
    expect(stripGnuTimeReport(report)).toBe('tool output\n')
    expect(parseGnuTimeRss('no report')).toBeNull()
  })
})

describe('lastStatsObject', () => {
  it('should find the last --stats object among other stderr lines', () => {
    const stderr = 'warning: x\n{"read":3,"mapped":2,"rejected":1,"elapsedMs":5}\n'
    expect(lastStatsObject(stderr)).toEqual({ read: 3, mapped: 2, rejected: 1 })
    expect(lastStatsObject('{"other":1}\n{not json\n')).toBeNull()
  })
})

describe('runProcess', () => {
  it('should report the exit code, stderr without the time report, and a peak RSS', async () => {
    const run = await runProcess({ command: process.execPath, args: ['-e', 'process.stderr.write("hi"); process.exit(3)'] })
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toBe('hi')
    expect(run.peakRssBytes).toBeGreaterThan(1024 * 1024)
  })

  it('should send stdout to a file when asked', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bench-run-')), 'out.txt')
    await runProcess({ command: process.execPath, args: ['-e', 'console.log("a");console.log("b")'], stdoutFile: out })
    expect(readFirstLines(out, 10)).toEqual(['a', 'b'])
  })
})

describe('output file facts', () => {
  it('should count lines, read the first ones and hash the bytes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-files-')), 'f.ndjson')
    const lines = Array.from({ length: 3000 }, (_, i) => `{"i":${i},"pad":"${'x'.repeat(i % 700)}"}`)
    writeFileSync(path, lines.join('\n') + '\n')
    expect(await countLines(path)).toBe(3000)
    expect(readFirstLines(path, 2500)).toEqual(lines.slice(0, 2500))
    expect(readFirstLines(path, 5000)).toEqual(lines)
    expect(await sha256File(path)).toMatch(/^[0-9a-f]{64}$/)
  })
})
