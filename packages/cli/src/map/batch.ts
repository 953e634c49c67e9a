/**
 * Maps one batch of NDJSON lines: the unit of work of `mapdown map`, run
 * in-process or in a worker thread. Everything here is synchronous, with no
 * per-line promise: a batch's mapped lines are joined into one string that is
 * written once.
 */
import type { Engine, EngineStats, FieldIssue, NdjsonLine, RejectReason } from '@mapdown/engine'
import { TextOutput, type MappedOutput } from './mapped-output.js'

/** One line of the rejects file. */
export interface RejectRecord {
  /** The engine's code, framing errors (`invalid_utf8`, `line_too_long`) included. */
  readonly reason: RejectReason
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
  /** The engine's stats of this batch alone. */
  counts: EngineStats
}

/** A line the NDJSON framing rejected. */
export type FramingErrorLine = Extract<NdjsonLine, { error: string }>

/**
 * Collects the results of mapping lines of one input file. The engine counts
 * every line (framing errors included, through `mapFramedLine`); each batch
 * takes the engine's stats and resets them, so the engine must be this
 * mapper's alone.
 */
export class BatchMapper {
  private readonly engine: Engine
  private readonly output: MappedOutput
  private rejects: RejectRecord[] = []
  private framingRejects: number[] = []

  /** `output` collects the mapped lines: one string by default, UTF-8 bytes in a thread (`ByteOutput`). */
  constructor(engine: Engine, output: MappedOutput = new TextOutput()) {
    this.engine = engine
    this.output = output
  }

  /** Maps one line of text (already framed: no newline, no BOM, not blank). */
  line(file: string, lineNo: number, text: string): void {
    const result = this.engine.mapLine(text)
    if (result.ok) {
      this.output.append(JSON.stringify(result.record))
      return
    }
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
    const result = this.engine.mapFramedLine(line)
    const reason = result.ok ? line.error : result.reason
    this.rejects.push({ reason, message: line.message, file, line: line.lineNo, raw: line.raw })
  }

  /** Returns what was collected since the last call and starts afresh. */
  take(): BatchResult {
    const result: BatchResult = { output: this.output.take(), rejects: this.rejects, framingRejects: this.framingRejects, counts: this.engine.stats({ reset: true }) }
    this.rejects = []
    this.framingRejects = []
    return result
  }
}
