/**
 * The hostile event corpus: `corpus/events/<case>/` holds an `input.ndjson`
 * (or a `make.mjs` that writes it: the 100 MB line is never committed) and
 * `expected.json`: the outcome of every non-blank line, in order. The events
 * are mapped with the dictionaries in `corpus/events/_mapping/`.
 *
 * Every case runs through `mapdown map` (a child process with a time bound)
 * and, unless it is too big to hold twice in memory, in this process through
 * the engine's NDJSON framing and `engine.mapLine` (compiled and interpreted
 * modes, which must agree), `engine.map` on the parsed events, the engine's
 * stream (`createMapStream`) and the worker's message processing
 * (`planMessage`, the whole input as one message). The same line gets the
 * same outcome, reject code included, through every one of them. Each must
 * give the expected outcome per line, keep read = mapped + rejected, write
 * no file but the outputs asked for, and leave every prototype untouched.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
import { compileSources, serializeIr } from '@mapdown/compiler'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createEngine, createMapStream, NdjsonSplitter, type EngineOptions, type MapResult } from '@mapdown/engine'
import { planMessage } from '@mapdown/worker'
import type { MappingIR } from '@mapdown/ir'
import { BOUNDED_TEST_TIMEOUT_MS, HANG_BOUND_SECONDS, runCliBounded } from './support/cli.js'
import { readCorpus } from './support/corpus.js'
import { CLEAN_SIGNS, listFiles, pollutionSigns, snapshotGlobals } from './support/guards.js'

// Bounded in CPU time per child (support/cli.ts); the test's own wall-clock timeout sits above the backstop.
vi.setConfig({ testTimeout: BOUNDED_TEST_TIMEOUT_MS })

/** What must become of one non-blank line. */
type LineExpectation =
  | { reject: string }
  | {
      dictionary: string
      /** The whole record without `@mapdown`, or only its keys when the values are too big to write down. */
      record?: Record<string, unknown>
      keys?: string[]
      /** Field -> issue code, for every issue. */
      issues?: Record<string, string>
    }

interface EventExpectation {
  about: string
  /** `--max-line-bytes` / `maxLineBytes`; default 1 MiB. */
  maxLineBytes?: number
  lines: LineExpectation[]
}

interface CliStats {
  read: number
  mapped: number
  rejected: number
  rejectedByReason: Record<string, number>
}

const HERE = fileURLToPath(new URL('.', import.meta.url))
const CORPUS = join(HERE, 'corpus/events')
/** Bigger inputs (the 100 MB line) only go through the CLI, which streams them. */
const IN_PROCESS_LIMIT = 8 * 1024 * 1024
/** Rejected before parsing: `map()` on a parsed event cannot see them. */
const FRAMING_REASONS = new Set(['invalid_json', 'line_too_long', 'invalid_utf8'])

const cases = readCorpus<EventExpectation>(CORPUS, 'input.ndjson')
const work = mkdtempSync(join(tmpdir(), 'mapdown-hardening-events-'))
let ir: MappingIR
let irPath: string

beforeAll(() => {
  const folder = join(CORPUS, '_mapping')
  const sources = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: join(folder, name), contents: readFileSync(join(folder, name)) }))
  const result = compileSources(sources, { cwd: folder })
  expect(result.errorCount).toBe(0)
  ir = result.ir
  irPath = join(work, 'mapping.ir.json')
  writeFileSync(irPath, serializeIr(ir))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A result as the corpus writes it down. */
function outcome(result: MapResult): LineExpectation {
  if (!result.ok) return { reject: result.reason }
  return described(result.dictionary, result.record as Record<string, unknown>)
}

function described(dictionary: string, record: Record<string, unknown>): LineExpectation {
  const { ['@mapdown']: meta, ...fields } = record
  const issues = ((meta as { issues?: { field: string; code: string }[] } | undefined)?.issues ?? []).map((issue) => [issue.field, issue.code])
  return { dictionary, record: fields, issues: Object.fromEntries(issues) }
}

/** Fills in what an expectation leaves out: no issues unless listed; `keys` compares keys only. */
function comparable(actual: LineExpectation, expected: LineExpectation): LineExpectation {
  if ('reject' in actual || 'reject' in expected) return actual
  const base = { dictionary: actual.dictionary, issues: actual.issues ?? {} }
  return expected.keys ? { ...base, keys: Object.keys(actual.record ?? {}) } : { ...base, record: actual.record ?? {} }
}

function normalised(expected: LineExpectation): LineExpectation {
  if ('reject' in expected) return expected
  return expected.keys ? { dictionary: expected.dictionary, issues: expected.issues ?? {}, keys: expected.keys } : { dictionary: expected.dictionary, issues: expected.issues ?? {}, record: expected.record ?? {} }
}

/** A line's outcome as a code: the reject reason, or the dictionary that mapped it. */
function code(outcome: LineExpectation): string {
  return 'reject' in outcome ? outcome.reject : `mapped by ${outcome.dictionary}`
}

/** Each line's code through the engine's stream, in line order. */
async function streamCodes(input: string, options: EngineOptions): Promise<string[]> {
  const engine = createEngine(ir, options)
  const byLine = new Map<number, string>()
  const stream = createMapStream(engine, {
    ...(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes }),
    onReject: (result, lineNo) => byLine.set(lineNo, result.reason),
  })
  const mapped: string[] = []
  let rest = ''
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const lines = (rest + chunk.toString('utf8')).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) mapped.push(`mapped by ${(JSON.parse(line) as { '@mapdown': { dictionary: string } })['@mapdown'].dictionary}`)
      done()
    },
  })
  await pipeline(Readable.from([readFileSync(input)]), stream, sink)
  // Rejects carry their line numbers; mapped records come in order in between.
  const splitter = new NdjsonSplitter(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes })
  const lineNos = [...splitter.push(readFileSync(input)), ...splitter.end()].map((line) => line.lineNo)
  const stats = engine.stats()
  expect(stats.read, 'the stream counts every line').toBe(lineNos.length)
  return lineNos.map((lineNo) => byLine.get(lineNo) ?? mapped.shift() ?? 'missing')
}

/** Each line's code through the worker's message processing, the whole input as one message. */
function workerCodes(input: string, options: EngineOptions): string[] {
  const engine = createEngine(ir, options)
  const message = { stream: 'EVENTS', subject: 'events.test', seq: 1, deliveryCount: 1, data: readFileSync(input) }
  const planOptions = { outSubject: 'out', dlqSubject: 'dlq', workerName: 'test', ...(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes }) }
  const outputs = planMessage(message, engine, planOptions)
  expect(engine.stats().read, 'the worker counts every line').toBe(outputs.length)
  return outputs.map((output) => {
    const body = JSON.parse(output.payload) as { reason?: string; '@mapdown'?: { dictionary: string } }
    return output.kind === 'mapped' ? `mapped by ${body['@mapdown']!.dictionary}` : body.reason!
  })
}

describe('hostile events', () => {
  it('should have cases', () => {
    expect(cases.length).toBeGreaterThan(15)
  })

  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.expected.about}`, async () => {
      const { expected } = testCase
      const want = expected.lines.map(normalised)
      const cwd = join(work, testCase.name)
      mkdirSync(join(cwd, 'out'), { recursive: true })
      onTestFinished(() => rmSync(cwd, { recursive: true, force: true }))
      const input = join(cwd, 'input.ndjson')
      await testCase.writeInput(input)
      const before = listFiles(cwd)
      const globalsBefore = snapshotGlobals()

      // 1. The real CLI, bounded.
      const limit = expected.maxLineBytes === undefined ? [] : ['--max-line-bytes', String(expected.maxLineBytes)]
      const run = runCliBounded(['map', '-d', irPath, 'input.ndjson', '-o', 'out/mapped.ndjson', '--rejects', 'out/rejects.ndjson', '--stats', ...limit], cwd)
      expect(run.timedOut, `mapdown map used more than ${HANG_BOUND_SECONDS} s of CPU`).toBe(false)
      expect(run.exit, run.stderr).toBe(0)
      const stats = JSON.parse(run.stderr.split('\n').find((line) => line.startsWith('{')) ?? '{}') as CliStats
      const rejects = want.filter((line) => 'reject' in line)
      expect(stats).toMatchObject({ read: want.length, mapped: want.length - rejects.length, rejected: rejects.length })
      const lines = (file: string) => readFileSync(join(cwd, 'out', file), 'utf8').split('\n').filter((line) => line !== '')
      const rejected = lines('rejects.ndjson').map((line) => ({ reject: (JSON.parse(line) as { reason: string }).reason }))
      const mapped = lines('mapped.ndjson').map((line) => {
        const record = JSON.parse(line) as Record<string, unknown>
        return described((record['@mapdown'] as { dictionary: string }).dictionary, record)
      })
      expect(rejected).toEqual(rejects)
      const mappedWanted = want.filter((line) => !('reject' in line))
      expect(mapped.map((line, index) => comparable(line, mappedWanted[index] ?? line))).toEqual(mappedWanted)
      expect(listFiles(cwd), 'mapdown map wrote an unexpected file').toEqual([...before, 'out/mapped.ndjson', 'out/rejects.ndjson'].sort())

      // 2. In this process: framing + mapLine (both modes), and map() on parsed events.
      if (statSync(input).size > IN_PROCESS_LIMIT) return
      const options: EngineOptions = expected.maxLineBytes === undefined ? {} : { maxLineBytes: expected.maxLineBytes }
      const splitter = new NdjsonSplitter(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes })
      const framed = [...splitter.push(readFileSync(input)), ...splitter.end()]
      for (const mode of ['compiled', 'interpreted'] as const) {
        const engine = createEngine(ir, { ...options, mode })
        const results = framed.map((line) => ('error' in line ? ({ reject: line.error } as LineExpectation) : outcome(engine.mapLine(line.text))))
        expect(results.map((result, index) => comparable(result, want[index] ?? result)), mode).toEqual(want)
        const engineStats = engine.stats()
        expect(engineStats.read).toBe(engineStats.mapped + engineStats.rejected)
      }
      const objects = createEngine(ir, options)
      framed.forEach((line, index) => {
        const expectedLine = want[index]
        if ('error' in line || expectedLine === undefined || ('reject' in expectedLine && FRAMING_REASONS.has(expectedLine.reject))) return
        const result = outcome(objects.map(JSON.parse(line.text)))
        expect(comparable(result, expectedLine), `map() of line ${line.lineNo}`).toEqual(expectedLine)
      })

      // 3. The same codes through the engine's stream and the worker's message processing.
      const codes = want.map(code)
      expect(await streamCodes(input, options), 'createMapStream').toEqual(codes)
      expect(workerCodes(input, options), 'the worker (planMessage)').toEqual(codes)
      expect(pollutionSigns()).toEqual(CLEAN_SIGNS)
      expect(snapshotGlobals()).toBe(globalsBefore)
    })
  }
})
