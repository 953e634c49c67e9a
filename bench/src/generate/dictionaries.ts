/**
 * Distinct, valid dictionaries for the compile-time benchmark, generated in
 * memory. Each has its own rule name and its own routing value (and the flat
 * ones a higher precedence), so a thousand of them compile into a thousand
 * dictionaries that do not collide;
 * half use the nested Deep Visibility form and half the flat Cloud Funnel
 * form, with 6 to 14 fields of every type, like the shipped library.
 */
import { createRng, type Rng } from './rng.js'
import { randomIpv4 } from './network-connection.js'

interface FieldTemplate {
  name: string
  suffix: string
  type: 'string' | 'integer' | 'long' | 'float' | 'boolean' | 'ip' | 'date'
  description: string
  sample: (rng: Rng) => string | number | boolean
}

const FIELD_POOL: readonly FieldTemplate[] = [
  { name: 'src_ip', suffix: 'sourceAddress.address', type: 'ip', description: 'source address of the connection', sample: randomIpv4 },
  { name: 'src_port', suffix: 'sourceAddress.port', type: 'integer', description: 'source port number', sample: (rng) => rng.int(1024, 65535) },
  { name: 'dst_ip', suffix: 'destinationAddress.address', type: 'ip', description: 'destination address', sample: randomIpv4 },
  { name: 'dst_port', suffix: 'destinationAddress.port', type: 'integer', description: 'destination port number', sample: (rng) => rng.int(1, 65535) },
  { name: 'process_id', suffix: 'source.fullPid.pid', type: 'integer', description: 'process id', sample: (rng) => rng.int(4, 65535) },
  { name: 'process_name', suffix: 'source.name', type: 'string', description: 'process display name', sample: (rng) => rng.pick(['chrome.exe', 'svchost.exe', 'bash']) },
  { name: 'process_command_line', suffix: 'source.commandLine', type: 'string', description: 'command line', sample: (rng) => `app --id=${rng.hex(8)}` },
  { name: 'network_direction', suffix: 'direction', type: 'string', description: 'OUTGOING or INCOMING', sample: (rng) => rng.pick(['OUTGOING', 'INCOMING']) },
  { name: 'event_status', suffix: 'status', type: 'string', description: 'outcome', sample: () => 'SUCCESS' },
  { name: 'bytes_sent', suffix: 'bytesSent', type: 'long', description: 'bytes sent', sample: (rng) => rng.int(0, 2 ** 40) },
  { name: 'packet_loss_ratio', suffix: 'lossRatio', type: 'float', description: 'share of packets lost', sample: (rng) => rng.int(0, 1000) / 1000 + 0.5 },
  { name: 'process_is_elevated', suffix: 'source.isElevated', type: 'boolean', description: 'runs elevated', sample: (rng) => rng.next() < 0.5 },
  { name: 'process_start_time', suffix: 'source.startTime.millisecondsSinceEpoch', type: 'date', description: 'process start, epoch ms', sample: (rng) => 1571670467763 + rng.int(0, 1e9) },
  { name: 'process_guid', suffix: 'source.node.key.value', type: 'string', description: 'process unique id', sample: (rng) => rng.hex(16) },
]

export interface GeneratedDictionary {
  path: string
  contents: string
}

export function generateDictionaries(count: number, seed: number): GeneratedDictionary[] {
  const rng = createRng(seed)
  const out: GeneratedDictionary[] = []
  for (let i = 0; i < count; i++) out.push(generateDictionary(rng, i))
  return out
}

function generateDictionary(rng: Rng, index: number): GeneratedDictionary {
  const id = String(index).padStart(4, '0')
  const flat = index % 2 === 1
  const eventKey = `evt${id}`
  const routing = `Bench${id}`
  const fields = shuffle(rng, FIELD_POOL).slice(0, rng.int(6, 14))
  const rows: string[] = []
  const sample: Record<string, unknown> = flat ? { 'event.type': routing } : { kind: routing }
  for (const field of fields) {
    const value = field.sample(rng)
    const fieldName = `${eventKey}.${field.suffix}`
    if (flat) sample[fieldName] = value
    else setNested(sample, fieldName.split('.'), value)
    rows.push(`| ${field.name} | ${fieldName} | ${field.type} | ${field.description} | ${String(value)} |`)
  }
  const contents = [
    '---',
    `title: Bench dictionary ${id}`,
    `description: Generated for the compile-time benchmark (${flat ? 'flat' : 'nested'} form)`,
    'log.type: bench',
    'bench.version: 1',
    `bench.rule: Rule${id}`,
    'match:',
    `  ${flat ? 'event.type' : 'kind'}: ${routing}`,
    // The nested form routes on `kind`, the flat one on `event.type`: an event could carry both, so the flat form
    // declares the higher precedence, as the library's Cloud Funnel dictionaries do (dictionaries/README.md).
    ...(flat ? ['precedence: 1'] : []),
    'author: mapdown bench',
    'date: 2024-01-01',
    '---',
    '',
    '## Description',
    `Generated dictionary ${index + 1}.`,
    '',
    '## Event JSON',
    '',
    '```json',
    JSON.stringify(sample, null, 2),
    '```',
    '',
    '## Data Dictionary',
    '| Standard Name | Field Name | Type | Description | Sample Value |',
    '| ------------- | ---------- | ---- | ----------- | ------------ |',
    ...rows,
    '',
  ].join('\n')
  return { path: `bench/rule-${id}.md`, contents }
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

function setNested(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let node = target
  segments.forEach((segment, i) => {
    if (i === segments.length - 1) node[segment] = value
    else node = (node[segment] ??= {}) as Record<string, unknown>
  })
}
