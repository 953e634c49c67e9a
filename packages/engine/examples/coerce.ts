import { coerce, NdjsonSplitter } from '@mapdown/engine'

export function example(print: (value: unknown) => void): void {
  // The coercions, exactly as the engine applies them to fields.
  print(coerce('2001:DB8::0:1', 'ip'))
  print(coerce('9223372036854775807', 'long')) // beyond 2^53: the exact digits, as a string
  print(coerce(18446732429235951616, 'date')) // not a believable time: an issue, never a wrong date
  print(coerce('4/11/18 5:25', 'date', { pattern: 'M/d/yy H:mm' }))
  print(coerce('E_UNSUPPORTED', 'boolean'))

  // NDJSON framing shared by the streams, the CLI and the NATS worker.
  const splitter = new NdjsonSplitter({ maxLineBytes: 1024 })
  print([...splitter.push(Buffer.from('{"a":1}\r\n\n{"b"')), ...splitter.push(Buffer.from(':2}')), ...splitter.end()])
}
