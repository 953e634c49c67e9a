import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'

export interface TextFormatOptions {
  /** ANSI colours; default false so that output is the same everywhere. */
  color?: boolean
  /** Also print each message's rule url (hints and causes are always printed). */
  verbose?: boolean
}

/**
 * The human report, by `vfile-reporter`, with each message's hint (`note`)
 * under it. vfile-reporter prints notes only in verbose mode, together with
 * urls; urls are left out unless asked for, so the report stays short.
 */
export function formatText(files: readonly VFile[], options: TextFormatOptions = {}): string {
  const verbose = options.verbose ?? false
  return reporter(verbose ? [...files] : files.map(withoutUrls), { color: options.color ?? false, verbose: true })
}

function withoutUrls(file: VFile): VFile {
  const copy = new VFile({ path: file.path, cwd: file.cwd })
  for (const message of file.messages) {
    const clone: VFileMessage = Object.assign(Object.create(VFileMessage.prototype) as VFileMessage, message)
    clone.url = undefined
    copy.messages.push(clone)
  }
  return copy
}
