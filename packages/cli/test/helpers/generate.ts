/**
 * A deterministic mixed NDJSON input for the fixture dictionaries
 * (`test/fixtures/_dictionaries`): good events of both kinds, field issues,
 * unknown event types, invalid JSON, non-objects, blank and CRLF lines.
 */
export function mixedLines(count: number, seed = 1): string[] {
  let state = seed >>> 0
  const next = () => {
    // xorshift32: reproducible without a dependency.
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x1_0000_0000
  }
  const lines: string[] = []
  for (let index = 0; index < count; index++) {
    const roll = next()
    const time = 1_571_933_515_865 + index
    const octet = Math.floor(next() * 256)
    if (roll < 0.45) {
      lines.push(
        JSON.stringify({
          tcpv4: {
            direction: 'OUTGOING',
            sourceAddress: { port: 1024 + (index % 60000), address: `10.0.${octet}.${index % 256}` },
            destinationAddress: { port: 443, address: '93.184.216.34' },
            source: { fullPid: { pid: index }, name: 'proc' },
          },
          dns: null,
          processCreation: null,
          timestamp: { millisecondsSinceEpoch: time },
        }),
      )
    } else if (roll < 0.8) {
      lines.push(
        JSON.stringify({
          tcpv4: null,
          dns: { query: `host${index}.example`, status: 'SUCCESS', source: { process: { fullPid: { pid: index } } } },
          processCreation: null,
          timestamp: { millisecondsSinceEpoch: time },
        }) + (roll < 0.7 ? '' : '\r'),
      )
    } else if (roll < 0.85) {
      lines.push(JSON.stringify({ tcpv4: { sourceAddress: { address: `999.0.0.${octet}`, port: 'x' } }, dns: null, processCreation: null, timestamp: { millisecondsSinceEpoch: time } }))
    } else if (roll < 0.9) {
      lines.push(JSON.stringify({ tcpv4: null, dns: null, processCreation: { process: { name: 'cmd.exe' } }, timestamp: null }))
    } else if (roll < 0.93) {
      lines.push(`{"tcpv4": {"broken": ${index}`)
    } else if (roll < 0.96) {
      lines.push(['[1,2]', '"text"', '42', 'null', 'true'][index % 5] as string)
    } else {
      lines.push(index % 2 === 0 ? '' : '  \t')
    }
  }
  return lines
}
