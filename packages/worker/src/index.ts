export { startWorker } from './run-worker.js'
export type { RunningWorker } from './run-worker.js'
export type { WorkerOptions } from './options.js'
export { stderrLog } from './log.js'
export type { LogWrite } from './log.js'
export { WorkerSetupError } from './errors.js'
export type { WorkerCounters, StatsLine } from './stats.js'
export { planMessage } from './plan.js'
export type { DeadLetter, DeadLetterReason, PlanOptions, PlannedOutput, RecordSource, SourceMessage } from './plan.js'
export {
  DICTIONARY_HEADER,
  REASON_HEADER,
  RECORDS_HEADER,
  SOURCE_LINE_HEADER,
  SOURCE_LINES_HEADER,
  SOURCE_SEQ_HEADER,
  SOURCE_STREAM_HEADER,
  SOURCE_SUBJECT_HEADER,
  outputMessageId,
} from './headers.js'
