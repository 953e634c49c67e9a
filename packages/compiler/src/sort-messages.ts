import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

/** Orders a file's messages by position (messages without one first), stably, so output is deterministic. */
export function sortMessages(file: VFile): void {
  const keyed = file.messages.map((message, index) => ({ message, index }))
  keyed.sort((a, b) => compare(a.message, b.message) || a.index - b.index)
  file.messages.splice(0, file.messages.length, ...keyed.map((entry) => entry.message))
}

function compare(a: VFileMessage, b: VFileMessage): number {
  const lineA = a.line ?? 0
  const lineB = b.line ?? 0
  if (lineA !== lineB) return lineA - lineB
  return (a.column ?? 0) - (b.column ?? 0)
}
