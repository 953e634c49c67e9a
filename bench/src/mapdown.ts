/**
 * mapdown, as the bench sees it: the built packages (packages/<pkg>/dist),
 * loaded at run time. The types below restate the parts of the public
 * contracts (docs/architecture.md) the bench uses, so the bench compiles even
 * while a package is still being written, and a missing package turns its
 * rows into "not available" instead of failing the whole run.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { REPO_ROOT } from './paths.js'

export type MapResult =
  | { ok: true; dictionary: string; record: Record<string, unknown>; issues: unknown[] }
  | { ok: false; reason: string; message: string; dictionary?: string }

export interface EngineStats {
  read: number
  mapped: number
  rejected: number
  rejectedByReason: Record<string, number>
  mappedByDictionary: Record<string, number>
  fieldIssues: number
}

export interface Engine {
  map(event: unknown): MapResult
  mapLine(line: string): MapResult
  stats(): EngineStats
}

export interface EngineApi {
  createEngine(ir: unknown, options?: Record<string, unknown>): Engine
}

export interface CompileResult {
  ir: { dictionaries: readonly { id: string }[] }
  files: unknown[]
  errorCount: number
  warningCount: number
  /** Dictionary id -> its parsed Event JSON sample, when valid. */
  samples: Map<string, unknown>
}

export interface CompilerApi {
  compileSources(sources: { path: string; contents: string }[], options?: { cwd?: string }): CompileResult
  compileFiles(paths: string[], options?: { cwd?: string }): Promise<CompileResult>
  formatText(files: unknown[]): string
}

export type Loaded<T> = { ok: true; api: T } | { ok: false; reason: string }

async function loadPackage<T>(pkg: string, exportsNeeded: readonly string[]): Promise<Loaded<T>> {
  const entry = join(REPO_ROOT, 'packages', pkg, 'dist', 'index.js')
  if (!existsSync(entry)) return { ok: false, reason: `packages/${pkg}/dist/index.js is missing (run pnpm build)` }
  const mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>
  const missing = exportsNeeded.filter((name) => typeof mod[name] !== 'function')
  if (missing.length > 0) return { ok: false, reason: `@mapdown/${pkg} does not export ${missing.join(', ')} yet` }
  return { ok: true, api: mod as T }
}

export const loadEngine = (): Promise<Loaded<EngineApi>> => loadPackage<EngineApi>('engine', ['createEngine'])
export const loadCompiler = (): Promise<Loaded<CompilerApi>> =>
  loadPackage<CompilerApi>('compiler', ['compileSources', 'compileFiles', 'formatText'])

/** Compiles dictionaries and fails loudly when one has errors: a bench over a half-compiled set would measure the wrong thing. */
export async function compileOrThrow(compiler: CompilerApi, paths: string[]): Promise<CompileResult> {
  const result = await compiler.compileFiles(paths, { cwd: REPO_ROOT })
  if (result.errorCount > 0) {
    throw new Error(`compiling ${paths.join(', ')} gave ${result.errorCount} error(s):\n${compiler.formatText(result.files)}`)
  }
  return result
}
