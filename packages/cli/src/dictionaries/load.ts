/**
 * Loads the mapping for `mapdown map`: either a compiled IR JSON file, or
 * dictionaries (files or folders) compiled in-process. The compiler (and the
 * markdown toolchain behind it) is imported only in the second case.
 */
import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createEngine, type Engine, type EngineOptions } from '@mapdown/engine'
import { InputError, systemErrorMessage } from '../errors.js'
import { sniff, utf16Message } from '../io/sniff.js'
import { lookUp, store } from './cache.js'
import { compileInThread, DEFAULT_COMPILE_TIMEOUT_SECONDS } from './compile-thread.js'

export interface LoadedMapping {
  /** The IR as parsed JSON (validated later by `createEngine`). */
  readonly ir: unknown
  /** The IR as JSON text, for worker threads. */
  readonly irJson: string
  /** What to name in messages about the mapping. */
  readonly label: string
}

/** Where diagnostics go when dictionaries do not compile. */
export interface DiagnosticsTarget {
  write(text: string): unknown
}

export interface LoadOptions {
  readonly compileTimeoutSeconds?: number
  /** Use the compile cache (cache.ts): `mapdown map` does, unless `--no-cache`; default false. */
  readonly cache?: boolean
}

export async function loadMapping(paths: readonly string[], stderr: DiagnosticsTarget, options: LoadOptions = {}): Promise<LoadedMapping> {
  const label = paths.join(', ')
  for (const path of paths) {
    try {
      await stat(path)
    } catch (error) {
      throw new InputError(systemErrorMessage(error), path, { cause: error })
    }
  }
  const only = paths.length === 1 ? (paths[0] as string) : undefined
  if (only !== undefined && (await isIrFile(only))) return readIr(only)

  const cwd = process.cwd()
  const cached = options.cache === true ? await lookUp(paths, cwd) : undefined
  if (cached?.irJson !== undefined) return { ir: JSON.parse(cached.irJson), irJson: cached.irJson, label }

  const { formatText, serializeIr } = await import('@mapdown/compiler')
  const result = await compileInThread(paths, options.compileTimeoutSeconds ?? DEFAULT_COMPILE_TIMEOUT_SECONDS)
  if (result.errorCount > 0) {
    const report = formatText(result.files)
    stderr.write(report.endsWith('\n') ? report : report + '\n')
    const noun = result.errorCount === 1 ? 'error' : 'errors'
    throw new InputError(`dictionaries have ${result.errorCount} ${noun}; fix them or check with \`mapdown check\``, label)
  }
  if (result.ir.dictionaries.length === 0) throw new InputError('no dictionaries found (expected *.md files)', label)
  const irJson = serializeIr(result.ir)
  if (cached !== undefined) {
    const compiled = result.files.map((file) => ({ path: resolve(file.cwd, file.path), text: String(file.value) }))
    await store(cached, compiled, irJson)
  }
  return { ir: result.ir, irJson, label }
}

/** The engine for a loaded mapping; an IR the engine refuses is an input error naming the mapping. */
export function engineFor(mapping: LoadedMapping, options: EngineOptions): Engine {
  try {
    return createEngine(mapping.ir, options)
  } catch (error) {
    throw new InputError(`not a usable mapping IR: ${(error as Error).message}`, mapping.label, { cause: error })
  }
}

/** A compiled IR file: a `.json` file, or any file whose content starts with `{`. */
async function isIrFile(path: string): Promise<boolean> {
  const stats = await stat(path)
  if (!stats.isFile()) return false
  if (path.endsWith('.json')) return true
  if (path.endsWith('.md') || path.endsWith('.markdown')) return false
  const head = (await readFile(path, 'utf8')).trimStart()
  return head.startsWith('{')
}

async function readIr(path: string): Promise<LoadedMapping> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new InputError(`cannot read: ${systemErrorMessage(error)}`, path, { cause: error })
  }
  const encoding = sniff(bytes)
  if (encoding !== undefined && encoding !== 'gzip') throw new InputError(utf16Message(encoding), path)
  const text = bytes.toString('utf8')
  try {
    return { ir: JSON.parse(text), irJson: text, label: path }
  } catch (error) {
    throw new InputError(`not a valid IR JSON file: ${(error as Error).message}`, path, { cause: error })
  }
}
