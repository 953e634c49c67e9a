/**
 * Keeps a dead letter within the server's `max_payload`. A dead letter carries the
 * rejected event (or the whole message), so it is larger than what it reports on: an
 * 800 KB event becomes a dead letter over NATS's default 1 MB limit once quoted, and
 * the publish would fail on every delivery. When the whole does not fit, the dead
 * letter keeps the head of the payload, its size and its SHA-256; the original stays
 * in the input stream at `source.seq`, where it can be fetched.
 */
import { createHash } from 'node:crypto'

/** What a cut payload was: enough to recognise the original when it is fetched. */
export interface TruncatedPayload {
  /** Size of the original payload in bytes (the event's UTF-8 text, or the message's bytes). */
  bytes: number
  /** SHA-256 of those bytes, hex. */
  sha256: string
  /** Bytes of the original kept at the head of `payload` / `payloadBase64`. */
  keptBytes: number
}

/** The payload of a dead letter: text (an event) or bytes (a message), as given. */
export type DeadLetterPayload = { text: string } | { bytes: Uint8Array }

export interface BoundedPayload {
  payload?: string
  payloadBase64?: string
  truncated?: TruncatedPayload
}

/**
 * Serialises `build(payload)` under `limit` bytes. `build` renders the whole dead letter
 * around a payload; the payload is kept whole when it fits, otherwise cut to the longest
 * head that fits. Returns the JSON text. When even an empty payload does not fit (the
 * rest of the dead letter is too large), the result is over the limit: the caller decides.
 */
export function boundedJson(payload: DeadLetterPayload, limit: number | undefined, build: (kept: BoundedPayload) => object): string {
  const whole = JSON.stringify(build(encodeWhole(payload)))
  if (limit === undefined || Buffer.byteLength(whole) <= limit) return whole

  const original = 'text' in payload ? Buffer.from(payload.text) : payload.bytes
  const sha256 = createHash('sha256').update(original).digest('hex')
  const truncated = (keptBytes: number): TruncatedPayload => ({ bytes: original.byteLength, sha256, keptBytes })
  // Size of everything but the payload's content, with the largest plausible counts.
  const frame = Buffer.byteLength(JSON.stringify(build({ ...emptyOf(payload), truncated: truncated(original.byteLength) })))
  const room = limit - frame
  if (room <= 0) return JSON.stringify(build({ ...emptyOf(payload), truncated: truncated(0) }))

  if ('bytes' in payload) {
    // Base64: 4 characters per 3 bytes, never escaped.
    const kept = Math.min(payload.bytes.byteLength, Math.floor(room / 4) * 3)
    return JSON.stringify(build({ payloadBase64: base64(payload.bytes.subarray(0, kept)), truncated: truncated(kept) }))
  }
  // Text: JSON escaping makes a UTF-16 unit cost 1 to 6 bytes. Start from `room` units
  // (at least `room` bytes) and shrink by the overflow at the average cost seen so far.
  let length = Math.min(payload.text.length, room)
  for (;;) {
    const head = cutText(payload.text, length)
    const json = JSON.stringify(build({ payload: head, truncated: truncated(Buffer.byteLength(head)) }))
    const size = Buffer.byteLength(json)
    if (size <= limit || head.length === 0) return json
    const unitCost = Math.max(1, (size - frame) / Math.max(head.length, 1))
    length = Math.max(0, head.length - Math.max(1, Math.ceil((size - limit) / unitCost)))
  }
}

function encodeWhole(payload: DeadLetterPayload): BoundedPayload {
  return 'text' in payload ? { payload: payload.text } : { payloadBase64: base64(payload.bytes) }
}

function emptyOf(payload: DeadLetterPayload): BoundedPayload {
  return 'text' in payload ? { payload: '' } : { payloadBase64: '' }
}

/** The first `length` UTF-16 units of `text`, never splitting a surrogate pair. */
function cutText(text: string, length: number): string {
  const code = text.charCodeAt(length - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length)
}

export function base64(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')
}
