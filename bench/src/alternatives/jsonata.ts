/**
 * The other generic alternative: one compiled JSONata expression that builds
 * the record (JSONata's own `$fromMillis` writes the ISO time), then the same
 * address and integer checks as the hand-written mapper. JSONata 2's
 * `evaluate` returns a Promise; the row awaits every event, as a user must.
 */
import jsonata from 'jsonata'
import { integer, ipv4, NETWORK_CONNECTION_METADATA } from '../handwritten.js'

const EXPRESSION = `tcpv4 ? {
  "src_ip": tcpv4.sourceAddress.address,
  "src_port": tcpv4.sourceAddress.port,
  "dst_ip": tcpv4.destinationAddress.address,
  "dst_port": tcpv4.destinationAddress.port,
  "process_id": tcpv4.source.fullPid.pid,
  "event_date_creation": $fromMillis(timestamp.millisecondsSinceEpoch)
}`

type Extracted = Record<string, unknown> | undefined

export function createJsonataMapper(): (event: unknown) => Promise<Record<string, unknown> | null> {
  const expression = jsonata(EXPRESSION)
  return async (event) => {
    const extracted = (await expression.evaluate(event)) as Extracted
    if (extracted === undefined || extracted === null) return null
    const record: Record<string, unknown> = {}
    const put = (name: string, value: unknown): void => {
      if (value !== undefined) record[name] = value
    }
    put('src_ip', ipv4(extracted['src_ip']))
    put('src_port', integer(extracted['src_port']))
    put('dst_ip', ipv4(extracted['dst_ip']))
    put('dst_port', integer(extracted['dst_port']))
    put('process_id', integer(extracted['process_id']))
    put('event_date_creation', typeof extracted['event_date_creation'] === 'string' ? extracted['event_date_creation'] : undefined)
    record['@mapdown'] = NETWORK_CONNECTION_METADATA
    return record
  }
}

export function createJsonataLineMapper(): (line: string) => Promise<string | null> {
  const map = createJsonataMapper()
  return async (line) => {
    const record = await map(JSON.parse(line))
    return record === null ? null : JSON.stringify(record)
  }
}
