/**
 * Maps one batch of NDJSON lines: the unit of work of `mapdown map`, run
 * in-process or in a worker thread. Everything here is synchronous, with no
 * per-line promise: a batch's mapped lines are joined into one string that is
 * written once.
 */
import type { Engine, FieldIssue, NdjsonLine } from '@mapdown/engine'
import { emptyCounts, increment, type MapCounts } from './counts.js'

/** One line of the rejects file. */
export interface RejectRecord {
  /** A code: a framing error (`line_too_long`, `invalid_utf8`) or an engine `RejectReason`. */
  readonly reason: string
  readonly message: string
  /** The input, as named on the command line (`-` for stdin). */
  readonly file: string
  /** 1-based line number in that input. */
  readonly line: number
  /** The original line (its first bytes when it was too long). */
  readonly raw: string
  readonly dictionary?: string
  readonly issues?: readonly FieldIssue[]
}

export interface BatchResult {
  /** Mapped NDJSON, one line per mapped event, each ending in `\n` (UTF-8 bytes when it comes from a thread). */
  output: string | Uint8Array
  /** In line order. */
  rejects: RejectRecord[]
  /** The indexes in `rejects` of the lines the framing rejected (their message quotes the line number). */
  framingRejects: number[]
  counts: MapCounts
}

/** A line the NDJSON framing rejected. */
export type FramingErrorLine = Extract<NdjsonLine, { error: string }>

/** Counts and keeps a line the framing rejected; shared by the in-process and threaded paths. */
export function recordFramingError(counts: MapCounts, rejects: RejectRecord[], file: string, line: FramingErrorLine): void {
  counts.read++
  counts.rejected++
  increment(counts.rejectedByReason, line.error)
  rejects.push({ reason: line.error, message: line.message, file, line: line.lineNo, raw: line.raw })
}

/** Collects the results of mapping lines of one input file. */
export class BatchMapper {
  private readonly engine: Engine
  private output = ''
  private rejects: RejectRecord[] = []
  private framingRejects: number[] = []
  private counts: MapCounts = emptyCounts()

  constructor(engine: Engine) {
    this.engine = engine
  }

  /** Maps one line of text (already framed: no newline, no BOM, not blank). */
  line(file: string, lineNo: number, text: string): void {
    const counts = this.counts
    counts.read++
    const result = this.engine.mapLine(text)
    if (result.ok) {
      counts.mapped++
      increment(counts.mappedByDictionary, result.dictionary)
      if (result.issues.length > 0) this.countIssues(result.issues)
      this.output += JSON.stringify(result.record) + '\n'
      return
    }
    counts.rejected++
    increment(counts.rejectedByReason, result.reason)
    if (result.issues !== undefined && result.issues.length > 0) this.countIssues(result.issues)
    this.rejects.push({
      reason: result.reason,
      message: result.message,
      file,
      line: lineNo,
      raw: text,
      ...(result.dictionary === undefined ? {} : { dictionary: result.dictionary }),
      ...(result.issues === undefined || result.issues.length === 0 ? {} : { issues: result.issues }),
    })
  }

  /** Records a line the framing already rejected (too long, invalid UTF-8). */
  framingError(file: string, line: FramingErrorLine): void {
    this.framingRejects.push(this.rejects.length)
    recordFramingError(this.counts, this.rejects, file, line)
  }

  /** Returns what was collected since the last call and starts afresh. */
  take(): BatchResult {
    const result: BatchResult = { output: this.output, rejects: this.rejects, framingRejects: this.framingRejects, counts: this.counts }
    this.output = ''
    this.rejects = []
    this.framingRejects = []
    this.counts = emptyCounts()
    return result
  }

  private countIssues(issues: readonly FieldIssue[]): void {
    this.counts.fieldIssues += issues.length
    for (const issue of issues) increment(this.counts.fieldIssuesByField, issue.field)
  }
}
