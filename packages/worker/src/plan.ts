import { NdjsonSplitter, type Engine, type FieldIssue, type RejectReason } from '@mapdown/engine'
import { RESERVED_KEY } from '@mapdown/ir'
import {
  DICTIONARY_HEADER,
  REASON_HEADER,
  SOURCE_LINE_HEADER,
  SOURCE_SEQ_HEADER,
  SOURCE_STREAM_HEADER,
  SOURCE_SUBJECT_HEADER,
  outputMessageId,
} from './headers.js'

/** The line number of dead letters about a whole message rather than one of its events. */
export const WHOLE_MESSAGE = 0

/** What the worker knows about one delivered input message. */
export interface SourceMessage {
  stream: string
  subject: string
  /** The message's sequence in the input stream. */
  seq: number
  /** 1 on first delivery. */
  deliveryCount: number
  data: Uint8Array
}

export interface PlanOptions {
  outSubject: string
  dlqSubject: string
  /** Written into dead letters, to tell which worker gave up on a message. */
  workerName: string
  /** The engine's line limit, also applied while splitting the payload. */
  maxLineBytes?: number
}

/** One message to publish: the mapped record or the dead letter of one event. */
export interface PlannedOutput {
  kind: 'mapped' | 'dead-letter'
  subject: string
  /** The `Nats-Msg-Id` (see outputMessageId). */
  msgId: string
  headers: Record<string, string>
  payload: string
}

/** Why an input went to the dead-letter subject: the engine's reject reasons (framing errors included) and the worker's own. */
export type DeadLetterReason =
  | RejectReason
  | 'empty_message' // no event at all in the payload
  | 'max_deliveries' // processing kept failing (crash, publish failure): given up

/** The JSON body of a dead letter. Enough to understand the reject and to replay the input. */
export interface DeadLetter {
  reason: DeadLetterReason
  message: string
  /** `line` is the event's line in the message (1-based), or 0 for the whole message. */
  source: { stream: string; subject: string; seq: number; line: number; deliveries: number }
  dictionary?: string
  issues?: readonly FieldIssue[]
  /** The rejected event, when it is text. */
  payload?: string
  /** Otherwise the whole original message, base64: nothing is lost. */
  payloadBase64?: string
  worker: string
}

/** The metadata the worker adds to the engine's `@mapdown` key: where the record came from. */
export interface RecordSource {
  stream: string
  seq: number
  line: number
}

/**
 * Maps one input message into the outputs to publish, one per event, in line order.
 * Pure apart from the engine's counters: the same message always gives the same plan,
 * with the same message ids, so a redelivery republishes identical outputs.
 */
export function planMessage(message: SourceMessage, engine: Pick<Engine, 'mapFramedLine'>, options: PlanOptions): PlannedOutput[] {
  const splitter = new NdjsonSplitter(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes })
  const lines = [...splitter.push(message.data), ...splitter.end()]
  if (lines.length === 0) {
    return [deadLetter(message, options, WHOLE_MESSAGE, {
      reason: 'empty_message',
      message: 'The message holds no event: its payload is empty or blank',
      payloadBase64: base64(message.data),
    })]
  }

  return lines.map((line): PlannedOutput => {
    // The engine rejects and counts framing errors too, with the same code as everywhere.
    const result = engine.mapFramedLine(line)
    if ('error' in line) {
      // The splitter keeps only the head of a line that is too long; the original bytes
      // go into the dead letter instead so that the event can still be recovered.
      return deadLetter(message, options, line.lineNo, {
        reason: result.ok ? line.error : result.reason,
        message: line.message,
        payloadBase64: base64(message.data),
      })
    }
    if (!result.ok) {
      return deadLetter(message, options, line.lineNo, {
        reason: result.reason,
        message: result.message,
        ...(result.dictionary === undefined ? {} : { dictionary: result.dictionary }),
        ...(result.issues === undefined ? {} : { issues: result.issues }),
        payload: line.text,
      })
    }
    const source: RecordSource = { stream: message.stream, seq: message.seq, line: line.lineNo }
    const record: Record<string, unknown> = { ...result.record }
    // Re-set the reserved key so that it stays the last one, now with the source.
    const meta = record[RESERVED_KEY] as Record<string, unknown>
    delete record[RESERVED_KEY]
    record[RESERVED_KEY] = { ...meta, source }
    return {
      kind: 'mapped',
      subject: options.outSubject,
      msgId: outputMessageId(message.stream, message.seq, line.lineNo, 'mapped'),
      headers: { ...sourceHeaders(message, line.lineNo), [DICTIONARY_HEADER]: result.dictionary },
      payload: JSON.stringify(record),
    }
  })
}

/**
 * The dead letter of a message whose processing kept failing: the worker gives up on
 * it without mapping it again (mapping it may be what crashes the worker).
 */
export function planMaxDeliveries(message: SourceMessage, attempts: number, options: PlanOptions): PlannedOutput {
  return deadLetter(message, options, WHOLE_MESSAGE, {
    reason: 'max_deliveries',
    message: `Processing failed ${attempts} time(s) (worker crash, timeout or publish failure); gave up on delivery ${message.deliveryCount}`,
    payloadBase64: base64(message.data),
  })
}

type DeadLetterDetails = Pick<DeadLetter, 'reason' | 'message'> & Partial<Pick<DeadLetter, 'dictionary' | 'issues' | 'payload' | 'payloadBase64'>>

function deadLetter(message: SourceMessage, options: PlanOptions, line: number, details: DeadLetterDetails): PlannedOutput {
  const entry: DeadLetter = {
    reason: details.reason,
    message: details.message,
    source: { stream: message.stream, subject: message.subject, seq: message.seq, line, deliveries: message.deliveryCount },
    ...(details.dictionary === undefined ? {} : { dictionary: details.dictionary }),
    ...(details.issues === undefined ? {} : { issues: details.issues }),
    ...(details.payload === undefined ? {} : { payload: details.payload }),
    ...(details.payloadBase64 === undefined ? {} : { payloadBase64: details.payloadBase64 }),
    worker: options.workerName,
  }
  return {
    kind: 'dead-letter',
    subject: options.dlqSubject,
    msgId: outputMessageId(message.stream, message.seq, line, 'dead-letter'),
    headers: { ...sourceHeaders(message, line), [REASON_HEADER]: details.reason },
    payload: JSON.stringify(entry),
  }
}

function sourceHeaders(message: SourceMessage, line: number): Record<string, string> {
  return {
    [SOURCE_STREAM_HEADER]: message.stream,
    [SOURCE_SUBJECT_HEADER]: message.subject,
    [SOURCE_SEQ_HEADER]: String(message.seq),
    [SOURCE_LINE_HEADER]: String(line),
  }
}

function base64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')
}
