import type { FramingRejectReason } from '../core/codes.js'

/** One line of NDJSON input, as every entry point (streams, CLI, NATS worker) sees it. */
export type NdjsonLine =
  | { readonly lineNo: number; readonly text: string }
  | {
      readonly lineNo: number
      readonly error: NdjsonLineError
      readonly message: string
      /** The line (decoded, invalid bytes replaced), or its first bytes when it is too long. */
      readonly raw: string
    }

/** A framing error is a reject reason: the same code whatever entry point meets it. */
export type NdjsonLineError = FramingRejectReason

export interface NdjsonSplitterOptions {
  /** The longest line accepted, in bytes, without its line ending. Default 1 MiB. */
  readonly maxLineBytes?: number
  /**
   * The number of the first line pushed, default 1. For framing a stream in
   * pieces cut at newlines (the CLI's worker threads): a piece starting at line
   * N is framed exactly as that part of the whole stream (line numbers,
   * messages, and a BOM removed only from line 1).
   */
  readonly firstLineNo?: number
}

/** The longest NDJSON line accepted by default (1 MiB of UTF-8), by the engine and by `mapdown map`. */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024

/** How much of an over-long line is kept to show in `raw`. */
export const LINE_HEAD_BYTES = 1024
