import type { MapResult } from '@mapdown/engine'
import type { DictionaryIR, MatchCondition, PathIR } from '@mapdown/ir'
import { describePlace, type PlaygroundDiagnostic } from './diagnostics.js'
import type { LineResult } from './session.js'

// Every text goes in through textContent: dictionary and event text never become markup.

/** An element with text and a test id. */
export function element(tag: string, text?: string, testId?: string): HTMLElement {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (testId !== undefined) node.dataset.testid = testId
  return node
}

export function renderDiagnostics(target: HTMLElement, diagnostics: readonly PlaygroundDiagnostic[]): void {
  target.replaceChildren()
  if (diagnostics.length === 0) {
    target.append(element('p', 'No problems.', 'no-diagnostics'))
    return
  }
  const list = element('ul')
  for (const diagnostic of diagnostics) {
    const item = element('li', undefined, 'diagnostic')
    item.className = `diagnostic ${diagnostic.severity}`
    item.dataset.line = String(diagnostic.start.line)
    item.dataset.severity = diagnostic.severity
    item.append(element('span', describePlace(diagnostic), 'diagnostic-place'), ' ', element('span', diagnostic.severity, 'diagnostic-severity'), ' ', element('span', diagnostic.message))
    if (diagnostic.ruleId) item.append(' ', element('code', diagnostic.ruleId))
    if (diagnostic.note) item.append(element('div', diagnostic.note))
    list.append(item)
  }
  target.append(list)
}

export function renderDictionary(target: HTMLElement, dictionary: DictionaryIR | undefined): void {
  target.replaceChildren()
  if (!dictionary) {
    target.append(element('p', 'The dictionary has errors: nothing compiled.'))
    return
  }
  target.append(element('p', `${dictionary.id}: ${describeMatch(dictionary.match.all)} (from ${dictionary.match.evidence})`, 'routing'))
  const table = element('table', undefined, 'fields')
  const head = element('tr')
  for (const title of ['Standard Name', 'Path', 'Type']) head.append(element('th', title))
  table.append(head)
  for (const field of dictionary.fields) {
    const row = element('tr')
    row.append(element('td', field.name), element('td', describePath(field.path)), element('td', field.type))
    table.append(row)
  }
  target.append(table)
}

export function renderSample(target: HTMLElement, sample: MapResult | undefined): void {
  target.replaceChildren(element('pre', sample === undefined ? 'No sample event to map.' : describeResult(sample), 'sample-output'))
}

export function renderPasted(target: HTMLElement, results: readonly LineResult[]): void {
  target.replaceChildren()
  const mapped = results.filter(({ result }) => result.ok).length
  target.append(element('p', `read ${results.length}, mapped ${mapped}, rejected ${results.length - mapped}`, 'pasted-counts'))
  for (const { lineNo, result } of results) {
    const block = element('pre', `line ${lineNo}: ${describeResult(result)}`, result.ok ? 'pasted-record' : 'pasted-reject')
    block.className = result.ok ? 'record' : 'reject'
    target.append(block)
  }
}

function describeResult(result: MapResult): string {
  if (result.ok) return JSON.stringify(result.record, null, 2)
  return `rejected ${result.reason}: ${result.message}`
}

function describeMatch(conditions: readonly MatchCondition[]): string {
  return conditions
    .map((condition) =>
      condition.op === 'present'
        ? `${describePath(condition.path)} is present`
        : `${describePath(condition.path)} is ${condition.values.map((value) => JSON.stringify(value)).join(' or ')}`,
    )
    .join(' and ')
}

function describePath(path: PathIR): string {
  return path.text
}
