import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createEngine, createMapStream, mapEvents } from '@mapdown/engine'
import { ir } from './ir.js'

export async function example(print: (value: unknown) => void): Promise<void> {
  const engine = createEngine(ir)
  const input = Readable.from(['{"tcpv4":{"sourceAddress":{"port":1}}}\n{"dn', 's":{}}\n'])
  let output = ''
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString()
      done()
    },
  })
  // NDJSON in, NDJSON out; rejects go to a callback with their line number.
  await pipeline(input, createMapStream(engine, { onReject: (r, lineNo) => print(`line ${lineNo}: ${r.reason}`) }), sink)
  print(output)

  // Or pull results from any (async) iterable of lines or parsed events.
  for await (const result of mapEvents(engine, ['{"tcpv4":{}}', { tcpv4: { sourceAddress: { port: 2 } } }])) {
    print(result.ok ? result.record : result.reason)
  }
}
