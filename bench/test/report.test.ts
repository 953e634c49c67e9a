import { jetStreamTable, jetStreamTargets } from '../src/jetstream.js'
import { describe, expect, it } from 'vitest'
import { renderMarkdown, renderText, type Report } from '../src/report/table.js'
import { checkTargets } from '../src/report/targets.js'
import type { RowResult } from '../src/rows/result.js'

const eps = (median: number) => ({ median, min: median * 0.9, max: median * 1.1, runs: 5 })
const row = (id: string, median: number | null, extra: Partial<RowResult> = {}): RowResult => ({
  id,
  label: id,
  dataset: id.startsWith('process') ? 'network-connection' : id.startsWith('rss') ? 'big' : 'network-connection',
  mode: id.startsWith('process') || id.startsWith('rss') ? 'whole-process' : 'in-process',
  status: median === null ? 'unavailable' : 'ok',
  ...(median === null ? { reason: 'not built yet' } : { eventsPerSecond: eps(median), events: 1000 }),
  notes: [],
  ...extra,
})

describe('checkTargets', () => {
  it('should compare medians against each target\'s threshold', () => {
    const rows = [
      row('handwritten', 100_000),
      row('mapdown.engine', 80_000),
      row('process.handwritten', 100_000),
      row('process.cli-w1', 84_000),
      row('process.cli-w2', 160_000),
      row('mixed.mapdown.engine', 100_000),
      row('mixed.mapdown.engine-ecs', 90_000),
      row('mixed.mapdown.engine-ocsf', 80_000),
      row('rss.cli-w1', 90_000, { label: 'mapdown map --workers 1', peakRssMb: { median: 120, min: 120, max: 120, runs: 1 } }),
      row('rss.cli-w2', 153_000, { label: 'mapdown map --workers 2', peakRssMb: { median: 151, min: 151, max: 151, runs: 1 } }),
      row('cf.handwritten', 50_000),
      row('cf.mapdown.engine', 46_000),
      row('cf.process.handwritten', 20_000),
      row('cf.process.cli-w1', 30_000),
      row('cf.process.cli-w2', 36_000),
      row('mixed.process.cli-w1', 20_000),
      row('mixed.process.cli-w2', 17_000),
    ]
    const targets = checkTargets(rows, 2, 1024 ** 3)
    expect(targets.map((target) => [target.measured, target.status])).toEqual([
      ['0.80×', 'met'],
      ['0.84×', 'not met'],
      ['0.90×', 'met'],
      ['0.80×', 'not met'],
      ['1.90×', 'met'],
      ['1.70×', 'not met'],
      ['0.92×', 'no target'],
      ['1.50×', 'no target'],
      ['1.20×', 'no target'],
      ['0.85×', 'no target'],
      ['--workers 1: 120 MB, --workers 2: 151 MB (on 1 GiB)', 'not met'],
    ])
  })

  it('should say "not measured" for a missing row or an input smaller than 1 GiB', () => {
    const rows = [row('handwritten', 100_000), row('mapdown.engine', null), row('rss.cli-w1', 1, { peakRssMb: { median: 1, min: 1, max: 1, runs: 1 } })]
    expect(checkTargets(rows, 2, 50_000_000).map((target) => target.status)).toEqual(Array.from({ length: 11 }, () => 'not measured'))
  })
})

describe('render', () => {
  const report: Report = {
    machine: { cores: 2, cpu: 'cpu', memoryGb: 8, node: 'v20', kernel: 'k', date: '2026-01-01T00:00:00.000Z', commit: 'abc1234' },
    runs: 5,
    sections: [
      {
        title: 'In process',
        rows: [
          row('floor.parse', 300_000, { handwrittenRef: 'handwritten', floorRef: 'floor.parse' }),
          row('handwritten', 150_000, { handwrittenRef: 'handwritten', floorRef: 'floor.parse' }),
          row('mapdown.engine', null, { handwrittenRef: 'handwritten', floorRef: 'floor.parse' }),
        ],
      },
    ],
    compile: null,
    targets: [],
    notes: [],
  }

  it('should print ratios to the row\'s baselines and list why a row is missing', () => {
    const text = renderText(report)
    expect(text).toMatch(/floor\.parse\s.*\s300,000\s+270,000–330,000\s+2\.00×\s+1\.00×/)
    expect(text).toMatch(/handwritten\s.*\s150,000\s+135,000–165,000\s+1\.00×\s+0\.50×/)
    expect(text).toMatch(/mapdown\.engine\s+mapdown\.engine\s+n\/a/)
    expect(text).toContain('mapdown.engine: n/a: not built yet')
    expect(text.split('\n')[0]).toBe('2026-01-01T00:00:00.000Z · commit abc1234 · 2 cores · cpu · 8 GB · Node v20 · Linux k · median of 5 runs')
  })

  it('should write the same table as Markdown', () => {
    const markdown = renderMarkdown(report)
    expect(markdown).toContain('| handwritten | handwritten | 150,000 | 135,000–165,000 | 1.00× | 0.50× |  |')
    expect(markdown).toContain('| --- | --- | ---: | ---: | ---: | ---: | ---: |')
  })
})

describe('JetStream rows', () => {
  const row = (name: string, messagesPerSecond: number, eventsPerSecond: number) => ({ name, processes: 1, perMessage: 1, messages: 1, seconds: 1, messagesPerSecond, eventsPerSecond })
  it('should check the worker against the relay and the 100-events-per-message worker against map', () => {
    const report = { status: 'ok' as const, events: 1000, batch: 100, perMessage: 100, results: [row('relay', 1000, 1000), row('worker×1', 850, 850), row('ndjson×100', 10, 1000), row('ndjson×100/100', 60, 6000), row('map', 0, 10_000)] }
    expect(jetStreamTargets(report).map(({ measured, status }) => [measured, status])).toEqual([['0.85×', 'met'], ['0.60×', 'not met']])
    expect(jetStreamTable(report)?.rows.map((cells) => cells[4])).toEqual(['1.00×', '0.85×', '0.01×', '0.06×', '–'])
    expect(jetStreamTargets(null).map(({ status }) => status)).toEqual(['not measured', 'not measured'])
  })
})
