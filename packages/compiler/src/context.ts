import type { SourcePoint, SourcePosition } from '@mapdown/ir'
import type { VFile } from 'vfile'
import { VFileMessage, type Options as MessageOptions } from 'vfile-message'
import type { LineIndex } from './position.js'

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

export function shortenText(text: string): string {
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH)}…` : text
}

/**
 * What every stage of one file's compilation shares: the file and its text.
 * Messages are added by the rules (`rule.report(ctx, messageId, data, place)`),
 * never here, so that every message text lives in its rule module.
 */
export class FileContext {
  readonly file: VFile
  readonly lines: LineIndex
  constructor(file: VFile, lines: LineIndex) {
    this.file = file
    this.lines = lines
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
export function clonePlace(place: Place): NonNullable<MessageOptions['place']> {
  if ('start' in place) {
    const start = { line: place.start.line, column: place.start.column }
    return place.end ? { start, end: { line: place.end.line, column: place.end.column } } : start
  }
  return { line: place.line, column: place.column }
}

/**
 * The context in which one dictionary decides an included partial's rows:
 * messages go to the partial's file, at the row, each with a `cause` that
 * names the including dictionary and its `include:` (a partial is decided
 * once per dictionary that includes it, against that dictionary's sample).
 * The rules report as anywhere else; this context only decorates what they
 * add, and remembers it, so the including dictionary knows whether its
 * included rows had errors.
 */
export class IncludedContext extends FileContext {
  readonly #added: VFileMessage[]
  constructor(partial: FileContext, includedBy: string, includePlace: Place | undefined) {
    const partialFile = partial.file
    const added: VFileMessage[] = []
    // Everything else (path, messages, value) is the partial's own file.
    const decorated = Object.create(partialFile) as VFile
    // Rules call `message(reason, options)` with a string and an options object (rule.ts).
    decorated.message = ((reason: string, options?: MessageOptions) => {
      const base = options ?? {}
      const message = partialFile.message(reason, { ...base, cause: base.cause ?? partial.causeAt(`Included by \`${includedBy}\``, includePlace) })
      added.push(message)
      return message
    }) as VFile['message']
    super(decorated, partial.lines)
    this.#added = added
  }

  /** Errors the rules reported on the partial while this dictionary decided its rows. */
  get errorCount(): number {
    return this.#added.filter((message) => message.fatal === true).length
  }
}
