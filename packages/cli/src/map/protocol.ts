/** Messages between the main thread and the mapping worker threads. */
import type { EngineOptions } from '@mapdown/engine'
import type { BatchResult } from './batch.js'

/** `workerData` of a mapping thread. */
export interface ThreadInit {
  /** The mapping IR as JSON text: each thread builds its own engine from it. */
  readonly irJson: string
  readonly engineOptions: EngineOptions
}

/** A batch to map: texts joined by `\n` (framed lines contain none) and their line numbers. */
export interface ThreadJob {
  readonly file: string
  readonly texts: string
  readonly lineNos: Float64Array
}

export type ThreadMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'result'; readonly result: BatchResult }
