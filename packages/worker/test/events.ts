/** Synthetic SentinelOne tcpv4 events for the test dictionary, derived from an index. */
export function networkEvent(index: number): Record<string, unknown> {
  return {
    tcpv4: {
      direction: index % 2 === 0 ? 'OUTGOING' : 'INCOMING',
      status: 'SUCCESS',
      destinationAddress: { port: 1 + (index % 65_000), address: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` },
      sourceAddress: { port: 40_000 + (index % 20_000), address: '192.168.1.10' },
      source: { fullPid: { pid: index }, name: `proc-${index}` },
    },
    dns: null,
    timestamp: { millisecondsSinceEpoch: 1_700_000_000_000 + index },
  }
}

/** Every `poisonEvery`-th payload is not JSON; the rest are events. Index i has pid i. */
export function eventPayloads(count: number, poisonEvery: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    index % poisonEvery === poisonEvery - 1 ? `{"tcpv4": broken ${index}` : JSON.stringify(networkEvent(index)),
  )
}
