import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'

export interface TextFormatOptions {
  /** ANSI colours; default false so that output is the same everywhere. */
  color?: boolean
  /** Print notes and causes under each message. */
  verbose?: boolean
}

/** The human report, by `vfile-reporter`. */
export function formatText(files: readonly VFile[], options: TextFormatOptions = {}): string {
  return reporter([...files], { color: options.color ?? false, verbose: options.verbose ?? false })
}
