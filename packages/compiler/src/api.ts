import type { MappingIR } from '@mapdown/ir'
import type { VFile } from 'vfile'

export interface DictionarySource {
  path: string
  contents: string | Uint8Array
}

export interface CompileOptions {
  /** Paths in the IR (`source`) and in diagnostics are made relative to this folder. Default: process.cwd(). */
  cwd?: string
  /**
   * Called with each source's path just before it is compiled (and once with
   * `undefined` before the checks across dictionaries), so that a caller
   * running the compiler in a worker thread can put a deadline on each file.
   */
  onFile?: (path: string | undefined) => void
}

/**
 * The library the compiled dictionaries join (`mapdown check FILE`): compiled
 * first, so that the cross-dictionary rules (duplicate ids, routing overlaps,
 * one type per Standard Name) blame the compiled dictionaries, never the
 * library; its dictionaries and samples are in the result's IR and samples,
 * its messages are not (`files` and the counts cover the compiled ones only).
 * A dictionary both compiled and in the library is compiled once, as compiled.
 */
export interface CompileSourcesOptions extends CompileOptions {
  library?: readonly DictionarySource[]
}

/** As `CompileSourcesOptions`, with the library as files or folders. */
export interface CompileFilesOptions extends CompileOptions {
  library?: readonly string[]
}

export interface CompileResult {
  /** Dictionaries that compiled (those with a fatal error are left out), sorted by id. */
  ir: MappingIR
  /** One per input, with its messages, in input order. */
  files: VFile[]
  /** Fatal messages. */
  errorCount: number
  /** Non-fatal messages (info excluded). */
  warningCount: number
  /** Dictionary id -> its parsed Event JSON sample (when valid). */
  samples: Map<string, unknown>
}
