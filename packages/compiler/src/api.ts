import type { MappingIR } from '@mapdown/ir'
import type { VFile } from 'vfile'

export interface DictionarySource {
  path: string
  contents: string | Uint8Array
}

export interface CompileOptions {
  /** Paths in the IR (`source`) and in diagnostics are made relative to this folder. Default: process.cwd(). */
  cwd?: string
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
