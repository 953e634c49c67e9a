/**
 * `--workers N` must give what `--workers 1` gives: the same output bytes in
 * the same order, the same rejects and the same counts, over an input large
 * enough to be spread over many batches and threads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mixedLines } from './helpers/generate.js'
import { normaliseTimings, runCli } from './helpers/run-cli.js'

const DICTIONARIES = fileURLToPath(new URL('./fixtures/_dictionaries', import.meta.url))
let folder = ''
let input = ''

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'mapdown-workers-'))
  input = join(folder, 'input.ndjson')
  // About 8 MiB: several 1 MiB blocks for every thread, with a BOM, CRLF,
  // invalid UTF-8, lines over the limit (some across read chunks, one of 3 MiB)
  // and no newline at the very end.
  const lines: Buffer[] = mixedLines(30_000).map((line) => Buffer.from(line))
  for (let index = 500; index < lines.length; index += 2_000) lines[index] = Buffer.from(`{"tcpv4":"${'x'.repeat(5_000)}"}`)
  for (let index = 777; index < lines.length; index += 3_000) lines[index] = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])
  lines[10_000] = Buffer.from(`{"huge":"${'y'.repeat(3 << 20)}"}`)
  writeFileSync(input, Buffer.concat([Buffer.from('\uFEFF'), ...lines.flatMap((line) => [line, Buffer.from('\n')]).slice(0, -1)]))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

async function mapWith(workers: number, from = input) {
  const out = join(folder, `out-${workers}.ndjson`)
  const rejects = join(folder, `rejects-${workers}.ndjson`)
  const args = ['map', '-d', DICTIONARIES, from, '-o', out, '--rejects', rejects, '--stats', '--workers', String(workers), '--max-line-bytes', '2000']
  const run = await runCli(args, { cwd: folder })
  expect(run.exit).toBe(0)
  return { output: readFileSync(out, 'utf8'), rejects: readFileSync(rejects, 'utf8'), stats: JSON.parse(normaliseTimings(run.stderr)) }
}

const sortedLines = (text: string) => text.split('\n').filter(Boolean).sort()

describe('mapdown map --workers', () => {
  it('should lose and duplicate nothing, and keep input order, whatever the number of threads', async () => {
    const one = await mapWith(1)
    const three = await mapWith(3)
    // No event lost or duplicated: the multisets are equal...
    expect(sortedLines(three.output)).toEqual(sortedLines(one.output))
    expect(sortedLines(three.rejects)).toEqual(sortedLines(one.rejects))
    // ...and with ordering preserved, the files are byte for byte the same.
    expect(three.output).toBe(one.output)
    expect(three.rejects).toBe(one.rejects)
    expect(three.stats).toEqual(one.stats)
    expect(one.stats.read).toBe(one.stats.mapped + one.stats.rejected)
    expect(one.stats.mapped).toBeGreaterThan(20_000)
    expect(one.stats.rejected).toBeGreaterThan(1_000)
    expect(one.stats.rejectedByReason).toMatchObject({ line_too_long: 16, invalid_utf8: 10 })
  })

  it('should hand --schema to the threads: records in the schema, the same bytes as one worker', async () => {
    const schemaFixture = fileURLToPath(new URL('./fixtures/map-schema/', import.meta.url))
    const events = readFileSync(fileURLToPath(new URL('./fixtures/map-mixed/events.ndjson', import.meta.url)))
    // About 6 MB: several ranges per thread.
    const many = join(folder, 'schema-input.ndjson')
    writeFileSync(many, Buffer.concat(Array.from({ length: 3_000 }, () => events)))
    const mapSchema = async (workers: number) => {
      const out = join(folder, `schema-out-${workers}.ndjson`)
      const args = ['map', '-d', DICTIONARIES, '-d', join(schemaFixture, 'ecs.md'), '--schema', 'ecs', many, '-o', out, '--workers', String(workers), '--max-line-bytes', '400', '--stats']
      const run = await runCli(args, { cwd: folder })
      expect(run.exit).toBe(0)
      return { output: readFileSync(out, 'utf8'), stats: JSON.parse(normaliseTimings(run.stderr.split('\n')[0] ?? '')) }
    }
    const one = await mapSchema(1)
    const two = await mapSchema(2)
    expect(two.output).toBe(one.output)
    expect(two.stats).toEqual(one.stats)
    expect(one.stats.mapped).toBeGreaterThan(10_000)
    // ECS records, not standard names.
    expect(JSON.parse(one.output.slice(0, one.output.indexOf('\n')))).toHaveProperty('event.kind', 'event')
  })

  it('should give the same bytes from a gzip file (read by the main thread, not cut into ranges) as from the file (read by the threads)', async () => {
    const gzipped = join(folder, 'input.ndjson.gz')
    writeFileSync(gzipped, gzipSync(readFileSync(input)))
    const fromFile = await mapWith(2)
    const fromGzip = await mapWith(2, gzipped)
    expect(fromGzip.output).toBe(fromFile.output)
    expect(fromGzip.rejects.replaceAll('input.ndjson.gz', 'input.ndjson')).toBe(fromFile.rejects)
    expect(fromGzip.stats).toEqual(fromFile.stats)
  })
})
