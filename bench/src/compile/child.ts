/**
 * Compile-time measurements, in their own process:
 *
 *   node compile/child.js --count 1000 --runs N
 *
 * - `compileSources` over `count` generated dictionaries in one call: the
 *   first call in the fresh process (cold: module init, lazy tables) and the
 *   median of N further calls (warm);
 * - the original dictionary alone, warm, median of many calls;
 * - `createEngine` over the compiled IR of the `count` dictionaries, when the
 *   engine is built;
 * - a 1 MiB dictionary whose sample is one line of 40k keys (issue 12, case 10),
 *   first call in the process, then the median of N calls.
 * A compile with errors, or fewer dictionaries than generated, fails the row:
 * timing a compile that silently dropped dictionaries would flatter it.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { generateDictionaries } from '../generate/dictionaries.js'
import { WIDE_SAMPLE_KEYS, wideSampleDictionary } from '../generate/wide-sample.js'
import { loadCompiler, loadEngine, type CompilerApi, type CompileResult } from '../mapdown.js'
import { ORIGINAL_DICTIONARY, REPO_ROOT } from '../paths.js'

export type CompileReport =
  | {
      ok: true
      count: number
      coldMs: number
      warmMs: number[]
      originalMs: number[]
      createEngineMs: number[] | null
      wideSample: { bytes: number; keys: number; coldMs: number; warmMs: number[] }
      warnings: number
    }
  | { ok: false; unavailable: boolean; reason: string }

const ms = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e6

function compileChecked(compiler: CompilerApi, sources: { path: string; contents: string }[], expected: number): { result: CompileResult; ms: number } {
  const started = process.hrtime.bigint()
  const result = compiler.compileSources(sources, { cwd: REPO_ROOT })
  const elapsed = ms(started)
  if (result.errorCount > 0 || result.ir.dictionaries.length !== expected) {
    throw new Error(
      `compileSources gave ${result.errorCount} error(s) and ${result.ir.dictionaries.length} of ${expected} dictionaries:\n` +
        compiler.formatText(result.files).slice(0, 4000),
    )
  }
  return { result, ms: elapsed }
}

async function main(): Promise<CompileReport> {
  const { values } = parseArgs({ options: { count: { type: 'string' }, runs: { type: 'string' } } })
  const count = Number(values.count ?? '1000')
  const runs = Number(values.runs ?? '5')
  const compiler = await loadCompiler()
  if (!compiler.ok) return { ok: false, unavailable: true, reason: compiler.reason }
  const sources = generateDictionaries(count, 7)
  const cold = compileChecked(compiler.api, sources, count)
  const warmMs: number[] = []
  for (let run = 0; run < runs; run++) warmMs.push(compileChecked(compiler.api, sources, count).ms)

  const original = [{ path: 'dictionaries/sentinelone/network-connection.md', contents: readFileSync(ORIGINAL_DICTIONARY, 'utf8') }]
  for (let i = 0; i < 20; i++) compileChecked(compiler.api, original, 1) // warm-up
  const originalMs: number[] = []
  for (let run = 0; run < Math.max(runs, 20); run++) originalMs.push(compileChecked(compiler.api, original, 1).ms)

  let createEngineMs: number[] | null = null
  const engine = await loadEngine()
  if (engine.ok) {
    createEngineMs = []
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint()
      engine.api.createEngine(cold.result.ir)
      createEngineMs.push(ms(started))
    }
  }
  const wide = [wideSampleDictionary()]
  const wideCold = compileChecked(compiler.api, wide, 1).ms
  const wideWarm: number[] = []
  for (let run = 0; run < runs; run++) wideWarm.push(compileChecked(compiler.api, wide, 1).ms)
  const wideSample = { bytes: Buffer.byteLength(wide[0]?.contents ?? ''), keys: WIDE_SAMPLE_KEYS, coldMs: wideCold, warmMs: wideWarm }

  return { ok: true, count, coldMs: cold.ms, warmMs, originalMs, createEngineMs, wideSample, warnings: cold.result.warningCount }
}

main().then(
  (report) => process.stdout.write(JSON.stringify(report) + '\n'),
  (error: unknown) => {
    const report: CompileReport = { ok: false, unavailable: false, reason: (error as Error).stack ?? String(error) }
    process.stdout.write(JSON.stringify(report) + '\n')
    process.exitCode = 1
  },
)
