// Writes generated event inputs, streaming, so that a 100 MB line never sits in memory.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

/** Writes `parts` (strings, Buffers, or functions yielding them) to `path`. */
export async function writeParts(path, parts) {
  const out = createWriteStream(path)
  for (const part of parts) {
    const chunks = typeof part === 'function' ? part() : [part]
    for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

/** `count` copies of `text`, in chunks of about 1 MiB. */
export function* repeated(text, count) {
  const perChunk = Math.max(1, Math.floor((1 << 20) / text.length))
  for (let done = 0; done < count; done += perChunk) yield text.repeat(Math.min(perChunk, count - done))
}

export const GOOD = '{"tcpv4":{"src":"10.0.0.1","port":443}}\n'
