/**
 * planMessage: one input message in, the outputs to publish out. Fixture folders
 * fixtures/plan/<case>/ hold `message` (the payload bytes), `source.json` (stream,
 * subject, seq, deliveryCount), optionally `options.json` (PlanOptions over the defaults:
 * outBatch, maxPayloadBytes, maxLineBytes) and `expected.json` (the planned outputs).
 * MAPDOWN_UPDATE_FIXTURES=1 rewrites expected.json (review the diff before committing).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileFiles } from '@mapdown/compiler'
import { createEngine, type Engine } from '@mapdown/engine'
import { planMaxDeliveries, planMessage, type PlanOptions, type PlannedOutput, type SourceMessage } from '../src/plan.js'
import { networkEvent } from './events.js'

const FIXTURES = fileURLToPath(new URL('./fixtures/plan/', import.meta.url))
const DICTIONARIES = fileURLToPath(new URL('./fixtures/dictionaries/', import.meta.url))
const OPTIONS: PlanOptions = { outSubject: 'mapped.records', dlqSubject: 'mapped.dlq', workerName: 'test-worker' }

let engine: Engine
beforeAll(async () => {
  const compiled = await compileFiles([DICTIONARIES], { cwd: DICTIONARIES })
  expect(compiled.errorCount).toBe(0)
  engine = createEngine(compiled.ir)
})

function sourceOf(name: string): SourceMessage {
  const meta = JSON.parse(readFileSync(`${FIXTURES}${name}/source.json`, 'utf8')) as Omit<SourceMessage, 'data'>
  return { ...meta, data: new Uint8Array(readFileSync(`${FIXTURES}${name}/message`)) }
}

describe('planMessage', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`should support ${name}`, () => {
      const optionsFile = `${FIXTURES}${name}/options.json`
      const options = existsSync(optionsFile) ? { ...OPTIONS, ...(JSON.parse(readFileSync(optionsFile, 'utf8')) as Partial<PlanOptions>) } : OPTIONS
      const actual = planMessage(sourceOf(name), engine, options)
      const expectedFile = `${FIXTURES}${name}/expected.json`
      if (process.env.MAPDOWN_UPDATE_FIXTURES === '1' || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n')
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
    })
  }

  it('should give one output per event, each naming its input, with unique ids, the same on every delivery', () => {
    const line = fc.oneof(
      fc.nat({ max: 100_000 }).map((index) => JSON.stringify(networkEvent(index))),
      fc.string({ maxLength: 20 }).filter((text) => !text.includes('\n')),
      fc.constant(''),
    )
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.nat({ max: 1e6 }), (lines, crlf, seq) => {
        const text = lines.join(crlf ? '\r\n' : '\n')
        const message: SourceMessage = { stream: 'EVENTS', subject: 'events.x', seq: seq + 1, deliveryCount: 1, data: new TextEncoder().encode(text) }
        const outputs = planMessage(message, engine, OPTIONS)
        const events = lines.map((l, index) => ({ text: l, lineNo: index + 1 })).filter((l) => l.text.trim() !== '')

        if (events.length === 0) {
          expect(outputs.map((o) => [o.kind, o.headers['Mapdown-Source-Line']])).toEqual([['dead-letter', '0']])
          return
        }
        expect(outputs.map((o) => Number(o.headers['Mapdown-Source-Line']))).toEqual(events.map((e) => e.lineNo))
        expect(new Set(outputs.map((o) => o.msgId)).size).toBe(outputs.length)
        outputs.forEach((output, index) => {
          expect(output.headers['Mapdown-Source-Seq']).toBe(String(message.seq))
          const expectedKind = engine.mapLine(events[index]!.text).ok ? 'mapped' : 'dead-letter'
          expect(output.kind).toBe(expectedKind)
          expect(output.subject).toBe(expectedKind === 'mapped' ? OPTIONS.outSubject : OPTIONS.dlqSubject)
          const body = JSON.parse(output.payload) as Record<string, unknown>
          if (output.kind === 'mapped') {
            expect(body['@mapdown']).toMatchObject({ source: { stream: 'EVENTS', seq: message.seq, line: events[index]!.lineNo } })
            expect(Object.keys(body).at(-1)).toBe('@mapdown')
          } else {
            expect(body).toMatchObject({ payload: events[index]!.text, source: { seq: message.seq, line: events[index]!.lineNo } })
          }
        })
        // A redelivery republishes identical mapped records under the same ids, so that
        // JetStream's duplicate window can drop them.
        const again = planMessage({ ...message, deliveryCount: 2 }, engine, OPTIONS)
        expect(again.map((o) => o.msgId)).toEqual(outputs.map((o) => o.msgId))
        expect(again.filter((o) => o.kind === 'mapped')).toEqual(outputs.filter((o) => o.kind === 'mapped'))
      }),
      { numRuns: 200 },
    )
  })
})

/** What the server counts against max_payload: the headers as NATS writes them, and the payload. */
function wireBytes(output: PlannedOutput): number {
  const headers = Object.entries({ ...output.headers, 'Nats-Msg-Id': output.msgId }).map(([key, value]) => `${key}: ${value}\r\n`)
  return Buffer.byteLength(`NATS/1.0\r\n${headers.join('')}\r\n`) + Buffer.byteLength(output.payload)
}

describe('planMessage with --out-batch', () => {
  it('should publish the same records as one per event, in line order, in batches within outBatch and max_payload, dead letters unchanged', () => {
    const line = fc.oneof(
      { weight: 4, arbitrary: fc.nat({ max: 100_000 }).map((index) => JSON.stringify(networkEvent(index))) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }).filter((text) => !text.includes('\n')) },
      { weight: 1, arbitrary: fc.constant('') },
    )
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 2, max: 12 }),
        fc.option(fc.integer({ min: 1_000, max: 4_000 }), { nil: undefined }),
        (lines, outBatch, maxPayloadBytes) => {
          const message: SourceMessage = { stream: 'EVENTS', subject: 'events.x', seq: 5, deliveryCount: 1, data: new TextEncoder().encode(lines.join('\n')) }
          const single = planMessage(message, engine, { ...OPTIONS, maxPayloadBytes })
          const batched = planMessage(message, engine, { ...OPTIONS, maxPayloadBytes, outBatch })

          // Dead letters: the same, in the same order.
          expect(batched.filter((o) => o.kind === 'dead-letter')).toEqual(single.filter((o) => o.kind === 'dead-letter'))
          // Records: the same text, in the same order, each batch one NDJSON line per record.
          const mapped = batched.filter((o) => o.kind === 'mapped')
          expect(mapped.flatMap((o) => o.payload.split('\n').slice(0, -1))).toEqual(single.filter((o) => o.kind === 'mapped').map((o) => o.payload))
          for (const output of mapped) {
            expect(output.payload.endsWith('\n')).toBe(true)
            expect(output.records).toBe(output.payload.split('\n').length - 1)
            expect(output.records).toBeLessThanOrEqual(outBatch)
            const lineNos = output.payload.split('\n').slice(0, -1).map((text) => (JSON.parse(text) as { '@mapdown': { source: { line: number } } })['@mapdown'].source.line)
            expect(output.headers['Mapdown-Source-Lines']).toBe(`${lineNos[0]}-${lineNos.at(-1)}`)
            expect(output.headers['Mapdown-Records']).toBe(String(output.records))
            expect(output.msgId).toBe(`EVENTS:5:${lineNos[0]}-${lineNos.at(-1)}`)
            // A batch of several records fits max_payload (a single record larger than it is published alone).
            if (maxPayloadBytes !== undefined && output.records > 1) expect(wireBytes(output)).toBeLessThanOrEqual(maxPayloadBytes)
          }
          expect(new Set(batched.map((o) => o.msgId)).size).toBe(batched.length)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('planMaxDeliveries', () => {
  it('should dead-letter the whole message, undecoded, with the number of failed attempts', () => {
    const data = new Uint8Array([0x7b, 0xff, 0x0a, 0x7d])
    const output = planMaxDeliveries({ stream: 'EVENTS', subject: 'events.s1', seq: 9, deliveryCount: 6, data }, 5, OPTIONS)
    expect(output).toEqual({
      kind: 'dead-letter',
      records: 0,
      subject: 'mapped.dlq',
      msgId: 'EVENTS:9:0:dlq',
      headers: { 'Mapdown-Source-Stream': 'EVENTS', 'Mapdown-Source-Subject': 'events.s1', 'Mapdown-Source-Seq': '9', 'Mapdown-Source-Line': '0', 'Mapdown-Reason': 'max_deliveries' },
      payload: JSON.stringify({
        reason: 'max_deliveries',
        message: 'Processing failed 5 time(s) (worker crash, timeout or publish failure); gave up on delivery 6',
        source: { stream: 'EVENTS', subject: 'events.s1', seq: 9, line: 0, deliveries: 6 },
        payloadBase64: Buffer.from(data).toString('base64'),
        worker: 'test-worker',
      }),
    })
  })
})
