// A one-dictionary IR, as `mapdown compile` writes it for dictionaries/sentinelone/network-connection.md.
const path = (text: string) => ({ kind: 'nested', segments: text.split('.'), text }) as const
const field = (name: string, text: string, type: string) => ({
  name, path: path(text), type, description: '', sampleValue: null, position: { start: { line: 1, column: 1 } },
})

export const ir = {
  irVersion: 3,
  dictionaries: [
    {
      id: 'sentinelone/NetworkConnection', title: 'Network connection', description: null,
      logType: 'sentinelone', rule: 'NetworkConnection', version: '1', author: null, date: null,
      source: 'dictionaries/sentinelone/network-connection.md', eventType: 'tcpv4',
      match: { all: [{ op: 'present', path: path('tcpv4') }], evidence: 'sample-event' },
      fields: [
        field('src_ip', 'tcpv4.sourceAddress.address', 'ip'),
        field('src_port', 'tcpv4.sourceAddress.port', 'integer'),
        { ...field('event_date_creation', 'timestamp.millisecondsSinceEpoch', 'date'), dateArgument: 'epoch_ms' },
      ],
    },
  ],
}
