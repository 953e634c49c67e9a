// The Quickstart's command, run for real: `mapdown map examples/events/events.ndjson
// --stats` (plus --rejects) must reproduce the golden files byte for byte, and its
// counts must reconcile with the input line by line.
//
// Regenerate the golden files from a real run (after a deliberate change):
//   pnpm build && MAPDOWN_UPDATE_GOLDEN=1 pnpm exec vitest run examples/test/golden.test.ts

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEngine } from '@mapdown/engine'
import type { MapCounts, RejectRecord } from '@mapdown/cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileLibrary } from '../../dictionaries/scripts/library.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'packages/cli/dist/bin.js')
const EVENTS = 'examples/events/events.ndjson'
const EXPECTED_DIR = join(ROOT, 'examples/events/expected')
const UPDATE_GOLDEN = process.env.MAPDOWN_UPDATE_GOLDEN === '1'

/** Stats fields that measure the machine, not the mapping. */
const TIMING_FIELDS = ['elapsedMs', 'eventsPerSecond']

// The shapes of `mapdown map`'s rejects file and `--stats` (timing fields aside), as the CLI declares them.
type Reject = RejectRecord
type Stats = MapCounts

let tmp: string
let status: number | null
let stderr: string
const actual: Record<'mapped.ndjson' | 'rejects.ndjson' | 'stats.json', string> = { 'mapped.ndjson': '', 'rejects.ndjson': '', 'stats.json': '' }

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`)
  tmp = mkdtempSync(join(tmpdir(), 'mapdown-golden-'))
  const rejectsPath = join(tmp, 'rejects.ndjson')
  // The Quickstart's command, from the repository root, with the default dictionaries.
  const run = spawnSync(process.execPath, [BIN, 'map', EVENTS, '--stats', '--rejects', rejectsPath], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...process.env, NO_COLOR: '1' },
  })
  status = run.status
  stderr = run.stderr
  actual['mapped.ndjson'] = run.stdout
  actual['rejects.ndjson'] = existsSync(rejectsPath) ? readFileSync(rejectsPath, 'utf8') : ''
  const statsLine = run.stderr.split('\n').find((line) => line.startsWith('{'))
  if (statsLine !== undefined) {
    const stats = JSON.parse(statsLine) as Record<string, unknown>
    for (const field of TIMING_FIELDS) delete stats[field]
    actual['stats.json'] = JSON.stringify(stats, null, 2) + '\n'
  }
  if (UPDATE_GOLDEN && status === 0) {
    mkdirSync(EXPECTED_DIR, { recursive: true })
    for (const [name, text] of Object.entries(actual)) writeFileSync(join(EXPECTED_DIR, name), text)
  }
})

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

const expected = (name: keyof typeof actual) => readFileSync(join(EXPECTED_DIR, name), 'utf8')
const ndjson = (text: string) => text.split('\n').slice(0, -1)
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

/** Compares two texts line by line first, so that a failure names the first differing line. */
function expectSameText(actualText: string, expectedText: string, name: string) {
  const a = actualText.split('\n')
  const e = expectedText.split('\n')
  const first = a.findIndex((line, i) => line !== e[i])
  if (first !== -1 || a.length !== e.length) {
    const at = first === -1 ? Math.min(a.length, e.length) : first
    expect(`${name}:${at + 1}: ${a[at] ?? '<end>'}`).toBe(`${name}:${at + 1}: ${e[at] ?? '<end>'}`)
  }
  expect(actualText === expectedText, `${name} is byte for byte the golden file`).toBe(true)
}

describe('mapdown map examples/events/events.ndjson', () => {
  it('should succeed', () => {
    expect(stderr.split('\n').filter((l) => l !== '' && !l.startsWith('{'))).toEqual([])
    expect(status).toBe(0)
  })

  it.each(['mapped.ndjson', 'rejects.ndjson', 'stats.json'] as const)('should reproduce expected/%s byte for byte', (name) => {
    expectSameText(actual[name], expected(name), name)
  })

  it('should account for every non-blank input line exactly once', () => {
    const input = ndjson(readFileSync(join(ROOT, EVENTS), 'utf8'))
    const nonBlank = input.filter((line) => line.trim() !== '').length
    const stats = JSON.parse(expected('stats.json')) as Stats
    const rejects = ndjson(expected('rejects.ndjson')).map((line) => JSON.parse(line) as Reject)
    const mapped = ndjson(expected('mapped.ndjson'))

    expect(stats.read).toBe(stats.mapped + stats.rejected)
    expect(stats.read).toBe(nonBlank)
    expect(mapped.length).toBe(stats.mapped)
    expect(rejects.length).toBe(stats.rejected)
    expect(sum(stats.mappedByDictionary)).toBe(stats.mapped)
    expect(sum(stats.rejectedByReason)).toBe(stats.rejected)
    expect(sum(stats.fieldIssuesByField)).toBe(stats.fieldIssues)

    // Each reject names its own line, once, and quotes it.
    expect(new Set(rejects.map((r) => r.line)).size).toBe(rejects.length)
    for (const reject of rejects) {
      expect(reject.file).toBe(EVENTS)
      const line = input[reject.line - 1]
      expect(line?.trim(), `line ${reject.line} is not blank`).not.toBe('')
      expect(line!.startsWith(reject.raw.slice(0, 200)), `line ${reject.line} is quoted in raw`).toBe(true)
    }
  })

  it('should exercise every dictionary of the library and every kind of reject the stream holds', async () => {
    const stats = JSON.parse(expected('stats.json')) as Stats
    const library = await compileLibrary()
    expect(Object.keys(stats.mappedByDictionary).sort()).toEqual(library.ir.dictionaries.map((d) => d.id).sort())
    expect(Object.keys(stats.rejectedByReason).sort()).toEqual(['invalid_json', 'no_matching_dictionary', 'not_an_object'])
    expect(stats.fieldIssues, 'the impossible creation times are reported').toBeGreaterThan(0)
  })

  it('should give, line for line, what the engine gives in process', async () => {
    // Differential check of the whole CLI path (framing, workers, ordering, output)
    // against the engine's own mapLine over the same lines.
    const { ir } = await compileLibrary()
    const engine = createEngine(ir)
    const input = ndjson(readFileSync(join(ROOT, EVENTS), 'utf8'))
    const mappedInProcess: string[] = []
    const rejectedInProcess: number[] = []
    input.forEach((line, index) => {
      if (line.trim() === '') return
      const result = engine.mapLine(line)
      if (result.ok) mappedInProcess.push(JSON.stringify(result.record))
      else rejectedInProcess.push(index + 1)
    })
    const rejects = ndjson(expected('rejects.ndjson')).map((line) => JSON.parse(line) as Reject)
    expect(rejects.map((r) => r.line)).toEqual(rejectedInProcess)
    expect(ndjson(expected('mapped.ndjson'))).toEqual(mappedInProcess)
  })
})
