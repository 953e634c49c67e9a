/**
 * Ways to read less than the whole event (issue 16, item 4; docs/parse-floor.md):
 *
 * - the engine's selective parser (packages/engine/src/scan/), loaded from the built
 *   engine, asked for the top-level keys the Cloud Funnel IP dictionary reads;
 * - `JSON.parse` with a reviver, the one hook V8 offers inside its parser.
 *
 * Rows use them alone (against the JSON.parse floor) and under the hand-written
 * Cloud Funnel mapper (against the hand-written row), so each figure says what the
 * reading costs and what it saves end to end.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { REPO_ROOT } from '../paths.js'

export type SelectiveParse = (line: string) => Record<string, unknown> | undefined

interface ScanModules {
  selectiveParser(keys: Iterable<string>): SelectiveParse
  topLevelReadSet(dictionaries: readonly unknown[]): Set<string> | undefined
}

/** The built engine's scan modules (internal: not in the package's exports), or the reason they are missing. */
export async function loadScanModules(): Promise<{ ok: true; api: ScanModules } | { ok: false; reason: string }> {
  const dir = join(REPO_ROOT, 'packages', 'engine', 'dist', 'scan')
  const files = ['selective-parse.js', 'event-reader.js'].map((file) => join(dir, file))
  const missing = files.find((file) => !existsSync(file))
  if (missing !== undefined) return { ok: false, reason: `${missing} is missing (run pnpm build)` }
  const [parse, reader] = await Promise.all(files.map(async (file) => (await import(pathToFileURL(file).href)) as Record<string, unknown>))
  return { ok: true, api: { ...parse, ...reader } as unknown as ScanModules }
}

interface InternalsModule {
  engineInternals(engine: object): { setSelectiveReading(on: boolean): void } | undefined
}

/** The built engine's internals registry (the module instance the engine itself registers in). */
export async function loadEngineInternals(): Promise<InternalsModule> {
  const file = join(REPO_ROOT, 'packages', 'engine', 'dist', 'core', 'internals.js')
  if (!existsSync(file)) throw new Error(`${file} is missing (run pnpm build)`)
  return (await import(pathToFileURL(file).href)) as InternalsModule
}

/** The selective parser for what the dictionaries of an IR read, falling back to JSON.parse as the engine does. */
export function selectiveLineParser(api: ScanModules, dictionaries: readonly unknown[]): (line: string) => unknown {
  const keys = api.topLevelReadSet(dictionaries)
  if (keys === undefined) throw new Error('the dictionaries read a JSONPath: their read set is unknown')
  const parse = api.selectiveParser(keys)
  return (line) => parse(line) ?? JSON.parse(line)
}

/** The identity reviver: JSON.parse then calls back for every value, which is the cost measured. */
export function parseWithReviver(line: string): unknown {
  return JSON.parse(line, (_key, value: unknown) => value)
}
