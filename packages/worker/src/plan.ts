import { NdjsonSplitter, type Engine, type FieldIssue, type RejectReason } from '@mapdown/engine'
import { RESERVED_KEY } from '@mapdown/ir'
import { boundedJson, type DeadLetterPayload, type TruncatedPayload } from './bounded-payload.js'
import { lineBytes } from './line-bytes.js'
import {
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
  /**
   * The server's `max_payload` (headers included): dead letters are cut to fit it.
   * Unbounded when undefined.
   */
  maxPayloadBytes?: number | undefined
  /**
   * Mapped records per output message, default 1. Above 1, the mapped records of one
   * input message are published as NDJSON messages of up to this many records each
   * (fewer when `maxPayloadBytes` would be exceeded), in line order. Dead letters are
   * always one per event.
   */
  outBatch?: number
}

/** One message to publish: the mapped record(s) or the dead letter of one event. */
export interface PlannedOutput {
  kind: 'mapped' | 'dead-letter'
  /** Mapped records in the payload: 1, or up to `outBatch` (NDJSON); 0 for a dead letter. */
  records: number
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
  /**
   * Present when the payload was cut to fit the server's `max_payload`: `payload` or
   * `payloadBase64` then holds the head of the original, whose size and SHA-256 are
   * here; the original is the message at `source.seq` in `source.stream`.
   */
  truncated?: TruncatedPayload
  /** Field issues left out because they alone would not fit `max_payload`: their number. */
  issuesOmitted?: number
  worker: string
}

/** The metadata the worker adds to the engine's `@mapdown` key: where the record came from. */
export interface RecordSource {
  stream: string
  seq: number
  line: number
}

/**
 * Maps one input message into the outputs to publish: one per event in line order, or,
 * with `outBatch` above 1, a dead letter per rejected event and the mapped records in
 * batches (each batch after the dead letters of the lines it spans). Pure apart from the engine's counters: the same message always gives the same plan,
 * with the same message ids, so a redelivery republishes identical outputs.
 */
export function planMessage(message: SourceMessage, engine: Pick<Engine, 'mapFramedLine'>, options: PlanOptions): PlannedOutput[] {
  const splitter = new NdjsonSplitter(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes })
  const lines = splitter.push(message.data)
  lines.push(...splitter.end())
  if (lines.length === 0) {
    return [deadLetter(message, options, WHOLE_MESSAGE, {
      reason: 'empty_message',
      message: 'The message holds no event: its payload is empty or blank',
      original: { bytes: message.data },
    })]
  }

  const outputs: PlannedOutput[] = []
  // Only with --out-batch: its size limit costs a few byte counts per message.
  const batch = (options.outBatch ?? 1) > 1 ? new RecordBatch(message, options) : undefined
  const sourcePrefix = `,"source":{"stream":${JSON.stringify(message.stream)},"seq":${message.seq},"line":`
  for (const line of lines) {
    // The engine rejects and counts framing errors too, with the same code as everywhere.
    const result = engine.mapFramedLine(line)
    if ('error' in line) {
      // The splitter keeps only the head of a line that is too long, and replaces invalid
      // UTF-8: the dead letter holds the line's original bytes instead, so that the event
      // can still be recovered (and only this event: its neighbours are mapped).
      outputs.push(deadLetter(message, options, line.lineNo, {
        reason: result.ok ? line.error : result.reason,
        message: line.message,
        original: { bytes: lineBytes(message.data, line.lineNo) },
      }))
      continue
    }
    if (!result.ok) {
      outputs.push(deadLetter(message, options, line.lineNo, {
        reason: result.reason,
        message: result.message,
        ...(result.dictionary === undefined ? {} : { dictionary: result.dictionary }),
        ...(result.issues === undefined ? {} : { issues: result.issues }),
        original: { text: line.text },
      }))
      continue
    }
    const payload = withSource(result.record, sourcePrefix, message, line.lineNo)
    if (batch === undefined) {
      outputs.push({
        kind: 'mapped',
        records: 1,
        subject: options.outSubject,
        msgId: outputMessageId(message.stream, message.seq, line.lineNo, 'mapped'),
        headers: { ...sourceHeaders(message, line.lineNo), [DICTIONARY_HEADER]: result.dictionary },
        payload,
      })
    } else {
      batch.add(payload, line.lineNo, outputs)
    }
  }
  batch?.flush(outputs)
  return outputs
}

/**
 * The record's JSON with the input's position added to the reserved key, which the
 * engine always writes last (`{..., "@mapdown": {...}}`): spliced into the text, which
 * is what copying the record and setting the key again would serialise, without the copy.
 */
function withSource(record: Record<string, unknown>, sourcePrefix: string, message: SourceMessage, line: number): string {
  const json = JSON.stringify(record)
  if (json.endsWith('}}') && Object.keys(record).at(-1) === RESERVED_KEY) {
    return `${json.slice(0, -2)}${sourcePrefix}${line}}}}`
  }
  const copy: Record<string, unknown> = { ...record }
  const meta = copy[RESERVED_KEY] as Record<string, unknown>
  delete copy[RESERVED_KEY]
  copy[RESERVED_KEY] = { ...meta, source: { stream: message.stream, seq: message.seq, line } satisfies RecordSource }
  return JSON.stringify(copy)
}

/**
 * Gathers mapped records into NDJSON outputs of at most `outBatch` records and at most
 * `maxPayloadBytes` (headers included). Its id names the lines it covers, so that a
 * redelivery (same message, same options) republishes the same outputs under the same ids.
 */
class RecordBatch {
  readonly size: number
  private payloads: string[] = []
  private bytes = 0
  private first = 0
  private last = 0
  private readonly limit: number

  constructor(
    private readonly message: SourceMessage,
    private readonly options: PlanOptions,
  ) {
    this.size = Math.max(1, options.outBatch ?? 1)
    // Headers of a batch: the source headers and the two about the lines, at their longest.
    const headers = { ...sourceHeaders(message, Number.MAX_SAFE_INTEGER), [SOURCE_LINES_HEADER]: `${Number.MAX_SAFE_INTEGER}-${Number.MAX_SAFE_INTEGER}`, [RECORDS_HEADER]: String(this.size) }
    const msgId = `${outputMessageId(message.stream, message.seq, Number.MAX_SAFE_INTEGER, 'mapped')}-${Number.MAX_SAFE_INTEGER}`
    this.limit = options.maxPayloadBytes === undefined ? Infinity : options.maxPayloadBytes - headerBytes(headers, msgId)
  }

  add(payload: string, line: number, outputs: PlannedOutput[]): void {
    // A record is as long as its UTF-8 (+ its newline); string length is a lower bound.
    const bytes = (this.limit === Infinity ? payload.length : Buffer.byteLength(payload)) + 1
    if (this.payloads.length > 0 && this.bytes + bytes > this.limit) this.flush(outputs)
    if (this.payloads.length === 0) this.first = line
    this.payloads.push(payload)
    this.bytes += bytes
    this.last = line
    if (this.payloads.length === this.size) this.flush(outputs)
  }

  flush(outputs: PlannedOutput[]): void {
    if (this.payloads.length === 0) return
    const { message } = this
    outputs.push({
      kind: 'mapped',
      records: this.payloads.length,
      subject: this.options.outSubject,
      msgId: `${outputMessageId(message.stream, message.seq, this.first, 'mapped')}-${this.last}`,
      headers: { ...sourceHeaders(message, this.first), [SOURCE_LINES_HEADER]: `${this.first}-${this.last}`, [RECORDS_HEADER]: String(this.payloads.length) },
      payload: this.payloads.join('\n') + '\n',
    })
    this.payloads = []
    this.bytes = 0
  }
}

/**
 * The dead letter of a message whose processing kept failing: the worker gives up on
 * it without mapping it again (mapping it may be what crashes the worker).
 */
export function planMaxDeliveries(message: SourceMessage, attempts: number, options: PlanOptions): PlannedOutput {
  return deadLetter(message, options, WHOLE_MESSAGE, {
    reason: 'max_deliveries',
    message: `Processing failed ${attempts} time(s) (worker crash, timeout or publish failure); gave up on delivery ${message.deliveryCount}`,
    original: { bytes: message.data },
  })
}

type DeadLetterDetails = Pick<DeadLetter, 'reason' | 'message'> & Partial<Pick<DeadLetter, 'dictionary' | 'issues'>> & {
  /** The rejected event's text, or the message's bytes. */
  original: DeadLetterPayload
}

/** Room for the NATS headers' framing (`NATS/1.0`, separators) beyond their names and values. */
const HEADER_FRAMING_BYTES = 64

function deadLetter(message: SourceMessage, options: PlanOptions, line: number, details: DeadLetterDetails): PlannedOutput {
  const msgId = outputMessageId(message.stream, message.seq, line, 'dead-letter')
  const headers = { ...sourceHeaders(message, line), [REASON_HEADER]: details.reason }
  const limit = options.maxPayloadBytes === undefined ? undefined : options.maxPayloadBytes - headerBytes(headers, msgId)
  const render = (issues: DeadLetterDetails['issues'], issuesOmitted: number | undefined) =>
    boundedJson(details.original, limit, (kept): DeadLetter => ({
      reason: details.reason,
      message: details.message,
      source: { stream: message.stream, subject: message.subject, seq: message.seq, line, deliveries: message.deliveryCount },
      ...(details.dictionary === undefined ? {} : { dictionary: details.dictionary }),
      ...(issues === undefined ? {} : { issues }),
      ...(issuesOmitted === undefined ? {} : { issuesOmitted }),
      ...kept,
      worker: options.workerName,
    }))
  let payload = render(details.issues, undefined)
  // Field issues quote the values at fault, which can be as large as the event.
  if (limit !== undefined && details.issues !== undefined && Buffer.byteLength(payload) > limit) {
    payload = render(undefined, details.issues.length)
  }
  return { kind: 'dead-letter', records: 0, subject: options.dlqSubject, msgId, headers, payload }
}

function headerBytes(headers: Record<string, string>, msgId: string): number {
  let bytes = HEADER_FRAMING_BYTES + Buffer.byteLength(`Nats-Msg-Id: ${msgId}\r\n`)
  for (const [key, value] of Object.entries(headers)) bytes += Buffer.byteLength(`${key}: ${value}\r\n`)
  return bytes
}

function sourceHeaders(message: SourceMessage, line: number): Record<string, string> {
  return {
    [SOURCE_STREAM_HEADER]: message.stream,
    [SOURCE_SUBJECT_HEADER]: message.subject,
    [SOURCE_SEQ_HEADER]: String(message.seq),
    [SOURCE_LINE_HEADER]: String(line),
  }
}
