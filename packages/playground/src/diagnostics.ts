import type { CompileResult } from '@mapdown/compiler'

type VFileMessage = CompileResult['files'][number]['messages'][number]

/** A compiler message, ready for the editor and the list beside it. */
export interface PlaygroundDiagnostic {
  readonly severity: 'error' | 'warning' | 'info'
  /** 1-based, as the compiler reports them; the end is exclusive. */
  readonly start: { readonly line: number; readonly column: number }
  readonly end: { readonly line: number; readonly column: number }
  readonly message: string
  readonly ruleId: string | undefined
  readonly note: string | undefined
  readonly url: string | undefined
}

/** VFile messages (fatal: true = error, false = warning, undefined = info) as the playground shows them. */
export function toDiagnostics(messages: readonly VFileMessage[]): PlaygroundDiagnostic[] {
  return messages.map((message) => {
    const start = message.place && 'start' in message.place ? message.place.start : message.place
    const end = message.place && 'end' in message.place ? message.place.end : undefined
    const from = { line: start?.line ?? 1, column: start?.column ?? 1 }
    return {
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      start: from,
      end: end ? { line: end.line, column: end.column } : from,
      message: message.reason,
      ruleId: message.ruleId ?? undefined,
      note: message.note ?? undefined,
      url: message.url ?? undefined,
    }
  })
}

/** `93:6-93:9 warning ...`: the compiler's own way of naming a place, for lists and tests. */
export function describePlace(diagnostic: PlaygroundDiagnostic): string {
  const { start, end } = diagnostic
  const same = start.line === end.line && start.column === end.column
  return same ? `${start.line}:${start.column}` : `${start.line}:${start.column}-${end.line}:${end.column}`
}
