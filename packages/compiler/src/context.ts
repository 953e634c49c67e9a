import type { SourcePoint, SourcePosition } from '@mapdown/ir'
import type { VFile } from 'vfile'
import { VFileMessage, type Options as MessageOptions } from 'vfile-message'
import type { LineIndex } from './position.js'
import type { Rule, Severity } from './rules/rule.js'

export type Place = SourcePoint | SourcePosition

/**
 * Messages quote the dictionary (`Unexpected type \`...\``), and a hostile
 * cell can be a megabyte: quoted spans longer than this are shortened, and a
 * whole reason is capped, so that reports stay readable and vfile-reporter
 * (whose layout is super-linear in a message's length: a 600 KB reason took
 * minutes) stays fast. The position still points at the whole cell.
 */
export const MAX_QUOTED_LENGTH = 80
export const MAX_REASON_LENGTH = 1000

export function shortenReason(reason: string): string {
  // Backtick pairs are matched left to right, so prose between two quotes is never taken for one.
  const quoted = reason.replace(/`([^`]*)`/g, (span, inner: string) => (inner.length > MAX_QUOTED_LENGTH ? `\`${inner.slice(0, MAX_QUOTED_LENGTH)}…\`` : span))
  return quoted.length > MAX_REASON_LENGTH ? `${quoted.slice(0, MAX_REASON_LENGTH)}…` : quoted
}

function shortenText(text: string): string {
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH)}…` : text
}

export interface ReportExtras {
  note?: string
  actual?: string
  expected?: string[]
  /** A second location ("first defined here"), as a message of its own. */
  cause?: VFileMessage
}

/** What every stage of one file's compilation shares: the file, its text and a way to report. */
export class FileContext {
  readonly file: VFile
  readonly lines: LineIndex
  constructor(file: VFile, lines: LineIndex) {
    this.file = file
    this.lines = lines
  }

  report(rule: Rule, severity: Severity, reason: string, place: Place | undefined, extras: ReportExtras = {}): VFileMessage {
    const options: MessageOptions = { ruleId: rule.id, source: 'mapdown' }
    if (place) options.place = clonePlace(place)
    if (extras.cause) options.cause = extras.cause
    const message = this.file.message(shortenReason(reason), options)
    message.url = rule.url
    if (severity === 'error') message.fatal = true
    else if (severity === 'info') message.fatal = undefined
    else message.fatal = false
    if (extras.note !== undefined) message.note = shortenText(extras.note)
    if (extras.actual !== undefined) message.actual = shortenText(extras.actual)
    if (extras.expected !== undefined) message.expected = extras.expected
    return message
  }

  /** A message that only serves as the `cause` of another one (it is not added to the file). */
  causeAt(reason: string, place: Place | undefined): VFileMessage {
    const options: MessageOptions = { source: 'mapdown' }
    if (place) options.place = clonePlace(place)
    return new VFileMessage(shortenReason(reason), options)
  }

  get hasErrors(): boolean {
    return this.file.messages.some((message) => message.fatal === true)
  }
}

/** A fresh unist point or position (a position without an end becomes its start point). */
function clonePlace(place: Place): NonNullable<MessageOptions['place']> {
  if ('start' in place) {
    const start = { line: place.start.line, column: place.start.column }
    return place.end ? { start, end: { line: place.end.line, column: place.end.column } } : start
  }
  return { line: place.line, column: place.column }
}
