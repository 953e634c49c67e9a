/**
 * Accounting, checked on what the CLI really wrote: every non-blank input line
 * is either a mapped output line or a reject, and `--stats` says so.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from './helpers/run-cli.js'

const MIXED = fileURLToPath(new URL('./fixtures/map-mixed/', import.meta.url))
const folders: string[] = []
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })))

function nonBlankLines(bytes: Buffer): number {
  return bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line.replace(/^\uFEFF/, '').trim() !== '').length
}

const sum = (tally: Record<string, number>) => Object.values(tally).reduce((a, b) => a + b, 0)

async function mapAndCount(args: string[], cwd: string) {
  const tmp = mkdtempSync(join(tmpdir(), 'mapdown-accounting-'))
  folders.push(tmp)
  const rejectsPath = join(tmp, 'rejects.ndjson')
  const run = await runCli([...args, '--rejects', rejectsPath, '--stats'], { cwd })
  expect(run.exit).toBe(0)
  const stats = JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '') as {
    read: number
    mapped: number
    rejected: number
    mappedByDictionary: Record<string, number>
    rejectedByReason: Record<string, number>
  }
  const outputLines = run.stdout.split('\n').filter(Boolean).length
  const rejectLines = readFileSync(rejectsPath, 'utf8').split('\n').filter(Boolean)
  return { stats, outputLines, rejects: rejectLines.map((line) => JSON.parse(line) as Record<string, unknown>) }
}

describe('mapdown map accounting', () => {
  it('should reconcile read = mapped + rejected on the mixed fixture (BOM, CRLF, gzip, invalid JSON, non-objects, unknown types)', async () => {
    const files = ['events.ndjson', 'bom-crlf.ndjson', 'more.ndjson.gz']
    const { stats, outputLines, rejects } = await mapAndCount(
      ['map', '-d', '../_dictionaries', ...files, '--max-line-bytes', '400'],
      MIXED,
    )
    const inputLines = files
      .map((name) => readFileSync(join(MIXED, name)))
      .map((bytes, index) => nonBlankLines(files[index]?.endsWith('.gz') ? gunzipSync(bytes) : bytes))
      .reduce((a, b) => a + b, 0)
    expect(stats.read).toBe(inputLines)
    expect(stats.read).toBe(stats.mapped + stats.rejected)
    expect(stats.mapped).toBe(outputLines)
    expect(stats.rejected).toBe(rejects.length)
    expect(sum(stats.mappedByDictionary)).toBe(stats.mapped)
    expect(sum(stats.rejectedByReason)).toBe(stats.rejected)
    // Every kind of problem in the fixture is there, each reject with its place and original line.
    expect(Object.keys(stats.rejectedByReason).sort()).toEqual([
      'invalid_json',
      'invalid_utf8',
      'line_too_long',
      'no_matching_dictionary',
      'not_an_object',
    ])
    for (const reject of rejects) {
      expect(Object.keys(reject)).toEqual(expect.arrayContaining(['reason', 'message', 'file', 'line', 'raw']))
      expect(files).toContain(reject.file)
      expect(reject.line).toBeGreaterThan(0)
    }
  })

  it('should reconcile on the example stream with the whole dictionary library', async () => {
    const { stats, outputLines, rejects } = await mapAndCount(['map', 'examples/events/events.ndjson'], REPO_ROOT)
    expect(stats.read).toBe(nonBlankLines(readFileSync(join(REPO_ROOT, 'examples/events/events.ndjson'))))
    expect(stats.read).toBe(stats.mapped + stats.rejected)
    expect(stats.mapped).toBe(outputLines)
    expect(stats.rejected).toBe(rejects.length)
    expect(stats.mapped).toBeGreaterThan(0)
  })
})
