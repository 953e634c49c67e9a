/** Messages between the main thread and the mapping worker threads. */
import type { EngineOptions } from '@mapdown/engine'
import type { FileRange } from './file-range.js'
import type { BlockResult } from './line-numbering.js'

/** `workerData` of a mapping thread. */
export interface ThreadInit {
  readonly maxLineBytes: number
  /** The size of the byte ranges the thread is sent (`ThreadRangeJob`). */
  readonly rangeBytes: number
}

/**
 * The first message to a thread: the mapping, once compiled (threads start
 * before, and load the engine meanwhile). The main thread has validated the
 * IR with `createEngine` already.
 */
export interface ThreadLoad {
  readonly type: 'load'
  /** The mapping IR as JSON text: each thread builds its own engine from it. */
  readonly irJson: string
  readonly engineOptions: EngineOptions
}

/** A block of whole lines to frame and map (its pieces' buffers are transferred, not copied). */
export interface ThreadJob {
  readonly type: 'job'
  readonly file: string
  readonly pieces: readonly Uint8Array[]
  readonly startsInput: boolean
}

/** A byte range of a file for the thread to read, frame and map itself (see file-range.ts). */
export interface ThreadRangeJob {
  readonly type: 'range'
  readonly file: string
  readonly range: FileRange
}

/** An output buffer given back once written, for the thread to reuse. */
export interface ThreadRecycle {
  readonly type: 'recycle'
  readonly buffer: ArrayBuffer
}

export type ThreadMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  /**
   * `output` is UTF-8 bytes, encoded in the thread and transferred, so the
   * main thread only writes it; line numbers are relative to the block.
   */
  | { readonly type: 'result'; readonly result: BlockResult }
  /** A range could not be read: the file system's message and code, for an `InputError` naming the input. */
  | { readonly type: 'read-failed'; readonly message: string; readonly code: string | undefined }
