import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEngine } from '@mapdown/engine'
import { describe, expect, it } from 'vitest'
import { compileSources } from '@mapdown/compiler'

// The user's original dictionary, read from where it lives: it must never be
// modified, and it must compile as is (warnings only) and map its own sample.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const path = join(root, 'dictionaries/sentinelone/network-connection.md')
const bytes = readFileSync(path)

describe('the original dictionary', () => {
  it('should be byte-for-byte the original', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('6e8a581a9f1be36712a48f128baec0d4f0a58fcdbf9d5b8d783e84402d47cc16')
  })

  const result = compileSources([{ path, contents: new Uint8Array(bytes) }], { cwd: root })

  it('should compile with warnings only', () => {
    expect(result.errorCount).toBe(0)
    expect(result.warningCount).toBeGreaterThan(0)
    expect(result.ir.dictionaries.map((dictionary) => dictionary.id)).toEqual(['sentinelone/NetworkConnection'])
  })

  it('should route on `tcpv4`, the sample event object, not the Event Types table', () => {
    const [dictionary] = result.ir.dictionaries
    expect(dictionary?.eventType).toBe('tcpv4')
    expect(dictionary?.match).toEqual({ all: [{ op: 'present', path: { kind: 'nested', segments: ['tcpv4'], text: 'tcpv4' } }], evidence: 'sample-event' })
  })

  it('should read every field, the shifted `process_id` row included', () => {
    const fields = result.ir.dictionaries[0]?.fields.map((field) => ({
      name: field.name,
      path: field.path.kind === 'nested' ? field.path.segments.join('.') : field.path.kind,
      type: field.type,
      dateArgument: field.dateArgument,
    }))
    expect(fields).toEqual([
      { name: 'src_ip', path: 'tcpv4.sourceAddress.address', type: 'ip', dateArgument: undefined },
      { name: 'src_port', path: 'tcpv4.sourceAddress.port', type: 'integer', dateArgument: undefined },
      { name: 'dst_ip', path: 'tcpv4.destinationAddress.address', type: 'ip', dateArgument: undefined },
      { name: 'dst_port', path: 'tcpv4.destinationAddress.port', type: 'integer', dateArgument: undefined },
      { name: 'process_id', path: 'tcpv4.source.fullPid.pid', type: 'integer', dateArgument: undefined },
      { name: 'event_date_creation', path: 'timestamp.millisecondsSinceEpoch', type: 'date', dateArgument: 'epoch_ms' },
    ])
    const processId = result.ir.dictionaries[0]?.fields.find((field) => field.name === 'process_id')
    expect(processId?.description).toBe('Process ID used by the os to identify the process that made the network connection')
    expect(processId?.sampleValue).toBe('139')
  })

  it('should map its own Event JSON with the engine', () => {
    const sample = result.samples.get('sentinelone/NetworkConnection')
    expect(sample).toBeTypeOf('object')
    for (const mode of ['compiled', 'interpreted'] as const) {
      const mapped = createEngine(result.ir, { mode }).map(sample)
      expect(mapped.ok).toBe(true)
      if (!mapped.ok) continue
      expect(mapped.dictionary).toBe('sentinelone/NetworkConnection')
      expect(mapped.issues).toEqual([])
      const { '@mapdown': _meta, ...record } = mapped.record as Record<string, unknown>
      expect(record).toEqual({
        src_ip: '10.115.32.249',
        src_port: 52413,
        dst_ip: '40.97.28.98',
        dst_port: 443,
        process_id: 3068,
        event_date_creation: '2019-10-24T16:11:55.865Z',
      })
      expect(Number.isInteger(record.process_id)).toBe(true)
    }
  })
})
