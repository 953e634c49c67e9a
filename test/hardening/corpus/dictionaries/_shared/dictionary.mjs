// Builds dictionaries for the cases whose input is too big (or too binary) to
// commit. Deterministic: the same bytes every run.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

export const SAMPLE = '{ "tcpv4": { "port": 443, "name": "chrome" } }'

export function frontMatter(extra = '') {
  return `---\ntitle: Hostile\nlog.type: sentinelone\nsentinelone.rule: Hostile\n${extra}---\n`
}

export function eventJson(json = SAMPLE) {
  return `\n## Event JSON\n\`\`\`json\n${json}\n\`\`\`\n`
}

export function dataDictionary(rows, header = '| Standard Name | Field Name | Type | Description | Sample Value |\n| --- | --- | --- | --- | --- |') {
  return `\n## Data Dictionary\n${header}\n${rows.join('\n')}\n`
}

export const PORT_ROW = '| port | tcpv4.port | integer | the port | 443 |'

/** Writes `parts` (strings, Buffers, or functions yielding them) to `path`, streaming, so that a 100 MB input never sits in memory twice. */
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
