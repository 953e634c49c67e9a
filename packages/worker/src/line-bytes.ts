/**
 * The bytes of one line of a message, for the dead letter of a line that could not be
 * decoded (invalid UTF-8) or was too long: the splitter keeps neither whole, and the
 * dead letter must hold the event as it was, and only that event.
 */
const NEWLINE = 10
const CARRIAGE_RETURN = 13

/** Line `lineNo` (1-based, as the splitter counts) of `data`, without its line ending. */
export function lineBytes(data: Uint8Array, lineNo: number): Uint8Array {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  let start = 0
  for (let line = 1; line < lineNo; line++) {
    const newline = buffer.indexOf(NEWLINE, start)
    if (newline === -1) return data.subarray(data.byteLength)
    start = newline + 1
  }
  const newline = buffer.indexOf(NEWLINE, start)
  let end = newline === -1 ? data.byteLength : newline
  if (end > start && data[end - 1] === CARRIAGE_RETURN) end -= 1
  return data.subarray(start, end)
}
