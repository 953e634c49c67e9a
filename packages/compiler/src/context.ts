import type { SourcePoint, SourcePosition } from '@mapdown/ir'
import type { VFile } from 'vfile'
import { VFileMessage, type Options as MessageOptions } from 'vfile-message'
import type { LineIndex } from './position.js'
import type { Rule, Severity } from './rules/rule.js'

export type Place = SourcePoint | SourcePosition

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
    const message = this.file.message(reason, options)
    message.url = rule.url
    if (severity === 'error') message.fatal = true
    else if (severity === 'info') message.fatal = undefined
    else message.fatal = false
    if (extras.note !== undefined) message.note = extras.note
    if (extras.actual !== undefined) message.actual = extras.actual
    if (extras.expected !== undefined) message.expected = extras.expected
    return message
  }

  /** A message that only serves as the `cause` of another one (it is not added to the file). */
  causeAt(reason: string, place: Place | undefined): VFileMessage {
    const options: MessageOptions = { source: 'mapdown' }
    if (place) options.place = clonePlace(place)
    return new VFileMessage(reason, options)
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
