/** `mapdown check`'s report: the outcomes (a table per dictionary, or JSON) and the diagnostics, in one `--format`. */
import type { CompileResult } from '@mapdown/compiler'
import { formatDiagnostics, type DiagnosticFormat } from '../diagnostics/format.js'
import type { DictionaryCheck, FieldOutcome } from './samples.js'

export interface CheckReport {
  /** The report proper: stdout or `--output`. */
  main: string
  /** What the format has no room for (the outcome tables beside SARIF or annotations): stderr. */
  aside?: string
}

/**
 * text: the outcome tables, then the diagnostics; json: one document with the
 * outcomes (`dictionaries`) and the diagnostics (`files`, as `compile --format
 * json` prints them); sarif and github: the diagnostics, the tables aside.
 */
export async function checkReport(format: DiagnosticFormat, checks: readonly DictionaryCheck[], files: CompileResult['files']): Promise<CheckReport> {
  const diagnostics = await formatDiagnostics(files, format)
  switch (format) {
    case 'text': {
      const table = checkTable(checks)
      return { main: table.length > 0 && diagnostics.length > 0 ? `${table}\n${diagnostics}` : table + diagnostics }
    }
    case 'json':
      return { main: JSON.stringify({ dictionaries: checkData(checks), files: JSON.parse(diagnostics) as unknown }, null, 2) + '\n' }
    case 'sarif':
    case 'github':
      return checks.length > 0 ? { main: diagnostics, aside: checkTable(checks) } : { main: diagnostics }
  }
}

function checkTable(checks: readonly DictionaryCheck[]): string {
  const blocks = checks.map((check) => {
    const { dictionary } = check
    const head = `${dictionary.id} (${dictionary.source})`
    switch (check.status) {
      case 'no_sample':
        return `${head}\n  no usable Event JSON sample: nothing to map\n`
      case 'rejected':
        return `${head}\n  sample rejected: ${check.reason}: ${check.message}\n`
      case 'routed_elsewhere':
        return `${head}\n  sample routed to ${check.routedTo}\n`
      case 'mapped':
        return `${head}\n${fieldTable(check.fields)}`
    }
  })
  return blocks.join('\n')
}

function fieldTable(fields: readonly FieldOutcome[]): string {
  const rows = fields.map((field) => [field.name, field.path, field.type, outcomeText(field)])
  const header = ['field', 'path', 'type', 'outcome']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: readonly string[]) =>
    '  ' + cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')
  const tally = { value: 0, issue: 0, absent: 0 }
  for (const field of fields) tally[field.outcome]++
  const summary = `  ${fields.length} fields: ${tally.value} mapped, ${tally.issue} with issues, ${tally.absent} absent`
  return [line(header), ...rows.map(line), summary].join('\n') + '\n'
}

function outcomeText(field: FieldOutcome): string {
  switch (field.outcome) {
    case 'value':
      return JSON.stringify(field.value)
    case 'absent':
      return '(absent)'
    case 'issue':
      return `issue ${field.issue.code}: ${field.issue.message}`
  }
}

/** The outcomes as plain data, one entry per dictionary. */
function checkData(checks: readonly DictionaryCheck[]): unknown[] {
  return checks.map((check) => ({
    id: check.dictionary.id,
    source: check.dictionary.source,
    status: check.status,
    ...(check.routedTo === undefined ? {} : { routedTo: check.routedTo }),
    ...(check.reason === undefined ? {} : { reason: check.reason, message: check.message }),
    fields: check.fields,
  }))
}
