import type { VFile } from 'vfile'
import { pathOf, viewOf } from './message-view.js'

/** Every file with its messages as JSON (one object per file, in input order). */
export function formatJson(files: readonly VFile[]): string {
  const report = files.map((file) => ({
    path: pathOf(file),
    messages: file.messages.map((message) => {
      const view = viewOf(message)
      return {
        ruleId: view.ruleId ?? null,
        severity: view.level,
        message: view.reason,
        line: view.line ?? null,
        column: view.column ?? null,
        endLine: view.endLine ?? null,
        endColumn: view.endColumn ?? null,
        url: view.url ?? null,
        note: view.note ?? null,
      }
    }),
  }))
  return `${JSON.stringify(report, null, 2)}\n`
}
