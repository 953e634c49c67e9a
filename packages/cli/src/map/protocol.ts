/** Messages between the main thread and the mapping worker threads. */
import type { EngineOptions } from '@mapdown/engine'
import type { BatchResult } from './batch.js'

/** `workerData` of a mapping thread. */
export interface ThreadInit {
  /** The mapping IR as JSON text: each thread builds its own engine from it. */
  readonly irJson: string
  readonly engineOptions: EngineOptions
  readonly maxLineBytes: number
}

/** A block of whole lines to frame and map (its buffer is transferred, not copied). */
export interface ThreadJob {
  readonly file: string
  readonly bytes: Uint8Array
  readonly firstLineNo: number
}

export type ThreadMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  /** `output` is UTF-8 bytes, encoded in the thread and transferred, so the main thread only writes it. */
  | { readonly type: 'result'; readonly result: BatchResult }
