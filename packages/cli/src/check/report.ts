/** How `mapdown check` prints its outcomes on stdout: a table per dictionary, or JSON. */
import type { DictionaryCheck, FieldOutcome } from './samples.js'

export function checkTable(checks: readonly DictionaryCheck[]): string {
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

/** The JSON report: plain data, one entry per dictionary. */
export function checkJson(checks: readonly DictionaryCheck[]): string {
  const dictionaries = checks.map((check) => ({
    id: check.dictionary.id,
    source: check.dictionary.source,
    status: check.status,
    ...(check.routedTo === undefined ? {} : { routedTo: check.routedTo }),
    ...(check.reason === undefined ? {} : { reason: check.reason, message: check.message }),
    fields: check.fields,
  }))
  return JSON.stringify({ dictionaries }, null, 2) + '\n'
}
