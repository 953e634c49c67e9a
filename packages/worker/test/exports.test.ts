import { describe, expect, it } from 'vitest'
import * as worker from '../src/index.js'

describe('@mapdown/worker', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(worker).sort()).toEqual([
      'DICTIONARY_HEADER',
      'REASON_HEADER',
      'RECORDS_HEADER',
      'SOURCE_LINES_HEADER',
      'SOURCE_LINE_HEADER',
      'SOURCE_SEQ_HEADER',
      'SOURCE_STREAM_HEADER',
      'SOURCE_SUBJECT_HEADER',
      'WorkerSetupError',
      'outputMessageId',
      'planMessage',
      'startWorker',
      'stderrLog',
    ])
  })
})
