import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

export type Level = 'error' | 'warning' | 'info'

/** A message flattened for the machine-readable formats. */
export interface MessageView {
  ruleId: string | undefined
  level: Level
  reason: string
  line: number | undefined
  column: number | undefined
  endLine: number | undefined
  endColumn: number | undefined
  url: string | undefined
  note: string | undefined
}

export function levelOf(message: VFileMessage): Level {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function viewOf(message: VFileMessage): MessageView {
  const place = message.place
  const start = place ? ('start' in place ? place.start : place) : undefined
  const end = place && 'start' in place ? place.end : undefined
  return {
    ruleId: message.ruleId ?? undefined,
    level: levelOf(message),
    reason: message.reason,
    line: start?.line,
    column: start?.column,
    endLine: end?.line,
    endColumn: end?.column,
    url: message.url ?? undefined,
    note: message.note ?? undefined,
  }
}

/** The file's path as given (relative to the compile root). */
export function pathOf(file: VFile): string {
  return file.path ?? '<unknown>'
}
