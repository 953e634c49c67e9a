/**
 * Property tests (fast-check) for what the issue asks mapdown to promise:
 * the compiler never throws and terminates within a bound, the engine never
 * throws and keeps read = mapped + rejected, and the fast path equals the
 * reference interpreter. The packages already hold the general forms of each
 * (listed in docs/reliability.md); these add the hostile shapes the corpus
 * found dangerous, run against the corpus's own mapping
 * (`corpus/events/_mapping/`: JSONPath filters, a date pattern, paths through
 * `__proto__` and `constructor`).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { compileSources } from '@mapdown/compiler'
import { createEngine, NdjsonSplitter, type EngineOptions, type MapResult } from '@mapdown/engine'
import type { MappingIR } from '@mapdown/ir'
import { BLOCKED_BOUND_SECONDS, BOUNDED_TEST_TIMEOUT_MS, cpuLimited, HANG_BOUND_SECONDS, REPO_ROOT } from './support/cli.js'
import { CLEAN_SIGNS, pollutionSigns, snapshotGlobals } from './support/guards.js'

// Bounded in CPU time per child (support/cli.ts); the test's own wall-clock timeout sits above the backstop.
vi.setConfig({ testTimeout: BOUNDED_TEST_TIMEOUT_MS })

const HERE = fileURLToPath(new URL('.', import.meta.url))
let ir: MappingIR

beforeAll(() => {
  const folder = join(HERE, 'corpus/events/_mapping')
  const sources = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: join(folder, name), contents: readFileSync(join(folder, name)) }))
  ir = compileSources(sources, { cwd: folder }).ir
  expect(ir.dictionaries).toHaveLength(2)
})

describe('the compiler never throws and terminates within a bound', () => {
  // In a child process (the built compiler) so that a super-linear reader is
  // cut off by the bound instead of hanging the test run. A failure shows
  // fast-check's seed in the child's stderr; replay it with
  // `node test/hardening/support/compile-fuzz.mjs <mode> <runs> <seed>`.
  for (const [mode, runs] of [
    ['cells', 100],
    ['markdown', 100],
  ] as const) {
    it(`should compile ${runs} generated dictionaries (${mode}) with no internal error, within ${HANG_BOUND_SECONDS * 2} s of CPU`, () => {
      // Bounded in CPU time (RLIMIT_CPU, see support/cli.ts), not wall clock: a loaded machine must not fail it.
      const child = spawnSync('sh', ['-c', cpuLimited(HANG_BOUND_SECONDS * 2), process.execPath, join(HERE, 'support/compile-fuzz.mjs'), mode, String(runs)], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: BLOCKED_BOUND_SECONDS * 1000,
        killSignal: 'SIGKILL',
      })
      expect((child.error as NodeJS.ErrnoException | undefined)?.code, 'the compiler blocked past the backstop').toBeUndefined()
      expect(child.signal, 'the compiler used more CPU time than the bound').toBeNull()
      expect(child.status, child.stderr).toBe(0)
      expect(JSON.parse(child.stdout)).toMatchObject({ mode, runs, problems: [] })
    })
  }
})

/** JSON value texts, including the ones JSON.stringify cannot write: -0, numbers beyond 2^53 and double range. */
const rawValue: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc.constantFrom('-0', '9007199254740993', '18446744073709551616', '1e400', '-1e400', '0.1e-400', '"NaN"', '"Infinity"', '"1e309"', '"-0"', '"0x10"', '"E_UNSUPPORTED"', 'null', '[]', '{}'),
  fc.constantFrom('"10.0.0.1"', '"::ffff:1.2.3.4"', '"fe80::1%eth0"', '"1571933515865"', '"2019-10-24 16:11"', '"9223372036854775807"', '"true"', '"E_TRUE"'),
)
const key = fc.oneof(
  fc.constantFrom('src', 'port', 'bytes', 'when', 'name', 'ratio', 'ok', 'stamp', 'tags', 'k', '__proto__', 'constructor', 'prototype', 'toString', 'polluted', 'name'),
  fc.string({ maxLength: 6 }),
)
/** An object as JSON text, so that `__proto__` stays an own key and duplicate keys survive. */
const objectText = (value: fc.Arbitrary<string>) => fc.array(fc.tuple(key, value), { maxLength: 6 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`)
const nested = fc.oneof(rawValue, objectText(rawValue), objectText(objectText(rawValue)), fc.array(objectText(rawValue), { maxLength: 3 }).map((items) => `[${items.join(',')}]`))
/** Events shaped like the mapping's: the event type object full of hostile keys and values, sometimes flat Cloud Funnel keys. */
const eventText = fc.oneof(
  fc.tuple(objectText(nested), objectText(rawValue)).map(([inner, outer]) => (outer === '{}' ? `{"tcpv4":${inner}}` : `{"tcpv4":${inner},${outer.slice(1)}`)),
  fc.tuple(fc.constantFrom('"IPConnect"', '"Other"', 'null', '1'), rawValue, rawValue).map(([type, ip, port]) => `{"event.type":${type},"src.ip.address":${ip},"dst.port.number":${port}}`),
  objectText(nested),
  nested,
)

describe('the engine never throws and keeps read = mapped + rejected', () => {
  it('should account for every non-blank line of any byte stream, framed as the CLI frames it', () => {
    const line = fc.oneof(
      eventText,
      fc.string({ maxLength: 30 }),
      fc.uint8Array({ maxLength: 30 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc.constantFrom('', '   ', '\r', '\ufeff{}'),
    )
    const stream = fc.tuple(fc.array(line, { maxLength: 12 }), fc.array(fc.uint8Array({ maxLength: 4 }), { maxLength: 3 }), fc.array(fc.nat({ max: 200 }), { maxLength: 6 }))
    fc.assert(
      fc.property(stream, fc.constantFrom<EngineOptions['mode']>('compiled', 'interpreted'), fc.boolean(), ([lines, garbage, cuts], mode, reject) => {
        const bytes = Buffer.concat([...lines.map((text) => Buffer.from(`${text}\n`, 'utf8')), ...garbage.map((chunk) => Buffer.from(chunk))])
        const globals = snapshotGlobals()
        const engine = createEngine(ir, { mode: mode ?? 'compiled', onFieldError: reject ? 'reject' : 'keep', maxLineBytes: 64, maxDepth: 8 })
        const splitter = new NdjsonSplitter({ maxLineBytes: 64 })
        // Chunk boundaries anywhere, even inside a UTF-8 sequence.
        const framed = []
        let at = 0
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          framed.push(...splitter.push(bytes.subarray(at, Math.max(at, Math.min(cut, bytes.length)))))
          at = Math.max(at, Math.min(cut, bytes.length))
        }
        framed.push(...splitter.push(bytes.subarray(at)), ...splitter.end())
        let framingRejects = 0
        const results: MapResult[] = []
        for (const item of framed) {
          if ('error' in item) framingRejects++
          else results.push(engine.mapLine(item.text))
        }
        // Every line that is not blank is one event, read once.
        const nonBlank = bytes
          .toString('utf8')
          .replace(/^\ufeff/, '')
          .split('\n')
          .filter((text) => !/^[ \t\r\n]*$/.test(text.replace(/\r$/, ''))).length
        expect(framed.length).toBe(nonBlank)
        const stats = engine.stats()
        expect(stats.read).toBe(results.length)
        expect(stats.read).toBe(stats.mapped + stats.rejected)
        expect(Object.values(stats.rejectedByReason).reduce((a, b) => a + b, 0)).toBe(stats.rejected)
        expect(results.filter((result) => result.ok)).toHaveLength(stats.mapped)
        expect(framingRejects + stats.read).toBe(nonBlank)
        for (const result of results) expect(() => JSON.stringify(result)).not.toThrow()
        expect(pollutionSigns()).toEqual(CLEAN_SIGNS)
        expect(snapshotGlobals()).toBe(globals)
      }),
      { numRuns: 400 },
    )
  })
})

describe('every fast path equals the interpreter', () => {
  it('should map hostile events byte for byte as the interpreter does, from text and from objects', () => {
    fc.assert(
      fc.property(fc.array(eventText, { minLength: 1, maxLength: 15 }), fc.boolean(), fc.boolean(), (lines, emitNull, reject) => {
        const options: EngineOptions = { emitNull, onFieldError: reject ? 'reject' : 'keep' }
        const reference = createEngine(ir, { ...options, mode: 'interpreted' })
        const compiled = createEngine(ir, { ...options, mode: 'compiled' })
        const fromObjects = createEngine(ir, { ...options, mode: 'compiled' })
        for (const line of lines) {
          const expected = JSON.stringify(reference.mapLine(line))
          expect(JSON.stringify(compiled.mapLine(line)), line).toBe(expected)
          let parsed: unknown
          try {
            parsed = JSON.parse(line)
          } catch {
            continue
          }
          expect(JSON.stringify(fromObjects.map(parsed)), line).toBe(expected)
        }
        expect(compiled.stats()).toEqual(reference.stats())
      }),
      { numRuns: 400 },
    )
  })
})
