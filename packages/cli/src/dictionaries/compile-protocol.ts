/**
 * Messages between `CompileThread` and its worker thread (compile-entry.ts),
 * and the compile result in a form that crosses the thread boundary
 * (structured clone keeps plain data only: VFiles and their messages are
 * rebuilt on the main thread).
 */
import type { CompileResult } from '@mapdown/compiler'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'

export interface CompileJob {
  readonly paths: readonly string[]
  readonly cwd: string
  /** Folders or files compiled first, for the cross-dictionary rules (`check --library`). */
  readonly library?: readonly string[]
}

export type CompileThreadMessage =
  /** Compiling `path` starts now (undefined: the checks across dictionaries). */
  | { readonly type: 'file'; readonly path: string | undefined }
  | { readonly type: 'done'; readonly result: PlainResult }
  | { readonly type: 'failed'; readonly message: string; readonly code: string | undefined; readonly path: string | undefined }

type Message = CompileResult['files'][number]['messages'][number]

interface PlainMessage {
  reason: string
  place: Message['place']
  ruleId: string | undefined
  source: string | undefined
  url: string | undefined
  fatal: boolean | null | undefined
  note: string | undefined
  actual: string | undefined
  expected: string[] | undefined
  cause: PlainMessage | string | undefined
}

interface PlainFile {
  path: string
  cwd: string
  value: string
  messages: PlainMessage[]
}

export interface PlainResult {
  ir: CompileResult['ir']
  files: PlainFile[]
  errorCount: number
  warningCount: number
  samples: CompileResult['samples']
}

export function toPlain(result: CompileResult): PlainResult {
  return {
    ir: result.ir,
    files: result.files.map((file) => ({ path: file.path, cwd: file.cwd, value: String(file.value), messages: file.messages.map(plainMessage) })),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    samples: result.samples,
  }
}

function plainMessage(message: Message): PlainMessage {
  const cause = message.cause
  return {
    reason: message.reason,
    place: message.place,
    ruleId: message.ruleId,
    source: message.source,
    url: message.url,
    fatal: message.fatal,
    note: message.note,
    actual: message.actual,
    expected: message.expected,
    cause: cause instanceof VFileMessage ? plainMessage(cause) : cause instanceof Error ? cause.message : undefined,
  }
}

export function fromPlain(plain: PlainResult): CompileResult {
  const files = plain.files.map((entry) => {
    const file = new VFile({ path: entry.path, cwd: entry.cwd, value: entry.value })
    for (const message of entry.messages) file.messages.push(rebuild(message, file.path))
    return file
  })
  return { ir: plain.ir, files, errorCount: plain.errorCount, warningCount: plain.warningCount, samples: plain.samples }
}

function rebuild(plain: PlainMessage, path: string | undefined): VFileMessage {
  const cause = plain.cause === undefined ? undefined : typeof plain.cause === 'string' ? new Error(plain.cause) : rebuild(plain.cause, undefined)
  const message = new VFileMessage(plain.reason, {
    ...(plain.place === undefined || plain.place === null ? {} : { place: plain.place }),
    ...(plain.ruleId === undefined ? {} : { ruleId: plain.ruleId }),
    ...(plain.source === undefined ? {} : { source: plain.source }),
    ...(cause === undefined ? {} : { cause }),
  })
  if (path !== undefined) message.file = path
  message.fatal = plain.fatal
  if (plain.url !== undefined) message.url = plain.url
  if (plain.note !== undefined) message.note = plain.note
  if (plain.actual !== undefined) message.actual = plain.actual
  if (plain.expected !== undefined) message.expected = plain.expected
  return message
}
