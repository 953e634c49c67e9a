/**
 * The report: plain-text tables for the terminal and the same tables in
 * Markdown for BENCHMARKS.md. Ratios are medians over medians, against the
 * row's own baselines (same events, same mode).
 */
import type { CompileRowResult, RowResult } from '../rows/result.js'
import type { Machine } from './machine.js'
import type { TargetCheck } from './targets.js'
import { jetStreamTable, type JetStreamReport } from '../jetstream.js'

export interface Section {
  title: string
  rows: readonly RowResult[]
}

export interface Report {
  machine: Machine
  runs: number
  sections: readonly Section[]
  compile: CompileRowResult | null
  /** The JetStream rows (bench/nats/run.mjs), when run. */
  jetstream?: JetStreamReport | null
  targets: readonly TargetCheck[]
  notes: readonly string[]
}

const integer = (value: number): string => Math.round(value).toLocaleString('en-US')
const ratio = (value: number | undefined): string => (value === undefined ? '–' : `${value.toFixed(2)}×`)

function ratioTo(row: RowResult, refId: string | undefined, all: readonly RowResult[]): number | undefined {
  if (refId === undefined || row.eventsPerSecond === undefined) return undefined
  const ref = all.find((candidate) => candidate.id === refId)
  if (ref?.status !== 'ok' || ref.eventsPerSecond === undefined) return undefined
  return row.eventsPerSecond.median / ref.eventsPerSecond.median
}

const HEADER = ['row', 'what', 'events/s (median)', 'min–max', '× hand-written', '× floor', 'peak RSS MB']

function cells(row: RowResult, all: readonly RowResult[]): string[] {
  if (row.status !== 'ok' || row.eventsPerSecond === undefined) {
    // The reason is listed under Notes: it is too long for a table cell.
    return [row.id, row.label, row.status === 'unavailable' ? 'n/a' : 'FAILED', '', '', '', '']
  }
  const eps = row.eventsPerSecond
  return [
    row.id,
    row.label,
    integer(eps.median),
    `${integer(eps.min)}–${integer(eps.max)}`,
    ratio(ratioTo(row, row.handwrittenRef, all)),
    ratio(ratioTo(row, row.floorRef, all)),
    row.peakRssMb === undefined ? '' : integer(row.peakRssMb.max),
  ]
}

function textTable(header: readonly string[], body: readonly string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((line) => (line[column] ?? '').length)))
  const numeric = (column: number): boolean => column >= 2
  const format = (line: readonly string[]): string =>
    line.map((cell, column) => (numeric(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd()
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(format)].join('\n')
}

function markdownTable(header: readonly string[], body: readonly string[][]): string {
  const escape = (cell: string): string => cell.replaceAll('|', '\\|')
  const line = (cellsOfLine: readonly string[]): string => `| ${cellsOfLine.map(escape).join(' | ')} |`
  const rule = `| ${header.map((_, column) => (column >= 2 ? '---:' : '---')).join(' | ')} |`
  return [line(header), rule, ...body.map(line)].join('\n')
}

function compileLines(compile: CompileRowResult | null): string[] {
  if (compile === null) return ['(not run)']
  if (compile.status !== 'ok') return [`${compile.status === 'unavailable' ? 'n/a' : 'FAILED'}: ${(compile.reason ?? '').split('\n')[0]}`]
  const count = compile.count ?? 0
  const lines = [
    `compileSources, ${count} generated dictionaries, first call in a fresh process: ${integer(compile.coldMs ?? NaN)} ms`,
  ]
  if (compile.warmMs) {
    lines.push(
      `compileSources, ${count} generated dictionaries, warm: ${integer(compile.warmMs.median)} ms median (${integer(compile.warmMs.min)}–${integer(compile.warmMs.max)}), ` +
        `${(compile.warmMs.median / count).toFixed(2)} ms per dictionary`,
    )
  }
  if (compile.originalMs) lines.push(`compileSources, the original dictionary alone, warm: ${compile.originalMs.median.toFixed(2)} ms median`)
  if (compile.createEngineMs) lines.push(`createEngine over the ${count} compiled dictionaries: ${integer(compile.createEngineMs.median)} ms median`)
  if (compile.wideSample) {
    const { bytes, keys, coldMs, warmMs } = compile.wideSample
    lines.push(
      `compileSources, a ${integer(bytes)}-byte dictionary whose sample is one line of ${integer(keys)} keys: ${integer(coldMs)} ms first call, ${integer(warmMs.median)} ms warm median (target: under 5,000 ms)`,
    )
  }
  if (compile.warnings !== undefined) lines.push(`(${compile.warnings} warnings in the generated set)`)
  return lines
}

function notesOf(rows: readonly RowResult[]): string[] {
  const out: string[] = []
  for (const row of rows) {
    if (row.status !== 'ok') out.push(`${row.id}: ${row.status === 'unavailable' ? 'n/a' : 'FAILED'}: ${row.reason ?? 'no reason given'}`)
    for (const note of row.notes) out.push(`${row.id}: ${note}`)
  }
  return out
}

function machineLine(machine: Machine, runs: number): string {
  return `${machine.date} · commit ${machine.commit} · ${machine.cores} cores · ${machine.cpu} · ${machine.memoryGb} GB · Node ${machine.node} · Linux ${machine.kernel} · median of ${runs} runs`
}

export function renderText(report: Report): string {
  const all = report.sections.flatMap((section) => section.rows)
  const parts = [machineLine(report.machine, report.runs), '']
  for (const section of report.sections) {
    parts.push(section.title, textTable(HEADER, section.rows.map((row) => cells(row, all))), '')
  }
  parts.push('Compile time', ...compileLines(report.compile).map((line) => `  ${line}`), '')
  const jetstream = report.jetstream ? jetStreamTable(report.jetstream) : null
  if (jetstream !== null) parts.push(jetstream.title, textTable(jetstream.header, jetstream.rows), '')
  else if (report.jetstream) parts.push(`JetStream: ${report.jetstream.status}: ${report.jetstream.reason ?? ''}`, '')
  parts.push('Targets', textTable(['target', 'measured', 'status'], report.targets.map((t) => [t.target, t.measured, t.status])), '')
  const notes = [...report.notes, ...notesOf(all)]
  if (notes.length > 0) parts.push('Notes', ...notes.map((note) => `  ${note}`), '')
  return parts.join('\n')
}

export function renderMarkdown(report: Report): string {
  const all = report.sections.flatMap((section) => section.rows)
  const parts = [`Measured ${machineLine(report.machine, report.runs)}.`, '']
  for (const section of report.sections) {
    parts.push(`#### ${section.title}`, '', markdownTable(HEADER, section.rows.map((row) => cells(row, all))), '')
  }
  parts.push('#### Compile time', '', ...compileLines(report.compile).map((line) => `- ${line}`), '')
  const jetstream = report.jetstream ? jetStreamTable(report.jetstream) : null
  if (jetstream !== null) parts.push(`#### ${jetstream.title}`, '', markdownTable(jetstream.header, jetstream.rows), '')
  else if (report.jetstream) parts.push(`#### JetStream`, '', `${report.jetstream.status}: ${report.jetstream.reason ?? ''}`, '')
  parts.push('#### Targets', '', markdownTable(['target', 'measured', 'status'], report.targets.map((t) => [t.target, t.measured, t.status])), '')
  const notes = [...report.notes, ...notesOf(all)]
  if (notes.length > 0) parts.push('#### Notes', '', ...notes.map((note) => `- ${note.replaceAll('\n', ' ')}`), '')
  return parts.join('\n')
}
