// A stable one-line-per-message text of a file's diagnostics, positions included, for
// golden files. (The compiler's formatText goes through vfile-reporter, whose output
// depends on the terminal; a golden file must not.)

import type { CompileResult } from '@mapdown/compiler'

type VFileMessage = CompileResult['files'][number]['messages'][number]

type Point = { line?: number | undefined; column?: number | undefined }

function point(p: Point | undefined): string {
  return p && p.line !== undefined ? `${p.line}:${p.column ?? 1}` : '1:1'
}

function place(message: VFileMessage): string {
  const where = message.place
  if (!where) return '1:1'
  if ('start' in where) return where.end ? `${point(where.start)}-${point(where.end)}` : point(where.start)
  return point(where)
}

function severity(message: VFileMessage): string {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** `line:column[-line:column] severity reason  ruleId`, one line per message, in the file's order. */
export function formatDiagnostics(file: { readonly messages: readonly VFileMessage[] }): string {
  return file.messages.map((m) => `${place(m)} ${severity(m)} ${m.reason}  ${m.source ?? ''}:${m.ruleId ?? ''}\n`).join('')
}
