/**
 * Header names the worker puts on every output. Together they name the input an
 * output came from, so that downstream can drop the duplicates that at-least-once
 * delivery allows: the key is (stream, seq, line).
 */
export const SOURCE_STREAM_HEADER = 'Mapdown-Source-Stream'
export const SOURCE_SUBJECT_HEADER = 'Mapdown-Source-Subject'
export const SOURCE_SEQ_HEADER = 'Mapdown-Source-Seq'
export const SOURCE_LINE_HEADER = 'Mapdown-Source-Line'
/** A batch of mapped records (`--out-batch`): the first and last line it covers, `<first>-<last>`. */
export const SOURCE_LINES_HEADER = 'Mapdown-Source-Lines'
/** A batch of mapped records: how many records (NDJSON lines) it holds. */
export const RECORDS_HEADER = 'Mapdown-Records'
/** Mapped records: the dictionary id that mapped the event (not on batches, whose records say it each). */
export const DICTIONARY_HEADER = 'Mapdown-Dictionary'
/** Dead letters: the reason, as in the entry's `reason`. */
export const REASON_HEADER = 'Mapdown-Reason'

/**
 * JetStream's own de-duplication header (`Nats-Msg-Id`): a stream that captures the
 * output subject drops a second message with the same id inside its duplicate window.
 * Mapped records are `<stream>:<seq>:<line>`; dead letters add `:dlq`, so that the two
 * never cancel each other when one stream captures both subjects. Line 0 stands for
 * the message as a whole (an empty message, or one given up after too many deliveries).
 * A batch of mapped records adds the last line it covers: `<stream>:<seq>:<first>-<last>`.
 */
export function outputMessageId(stream: string, seq: number, line: number, kind: 'mapped' | 'dead-letter'): string {
  return kind === 'mapped' ? `${stream}:${seq}:${line}` : `${stream}:${seq}:${line}:dlq`
}
