/**
 * Writes the generated part of docs/rules.md from the rule registry and the
 * fixtures: the table of rules, and one section per rule with its prose, its
 * severities, its message templates and real examples. Each example is the
 * first line of a fixture's `expected.diagnostics.txt` that the message's
 * template produces; a rule no compiler fixture reaches names another file
 * that holds its example verbatim (`example` in the rule module).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ALL_RULES } from '../../src/rules/index.js'
import { placeholdersOf, type Rule, type RuleMessage, type Severity } from '../../src/rules/rule.js'

export const GENERATED_START = '<!-- generated:rules:start -->'
export const GENERATED_END = '<!-- generated:rules:end -->'

export interface FixtureLine {
  /** `minimal-nested` or `_error_/unknown-type`. */
  fixture: string
  line: string
  ruleId: string
  severity: string
  reason: string
}

/** Every expected diagnostic line of the compiler's fixtures, fixtures before `_error_/` ones, each in name order. */
export function fixtureLines(fixtures: string): FixtureLine[] {
  const lines: FixtureLine[] = []
  const folders = (folder: string, prefix: string) =>
    readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== '_error_')
      .map((entry) => ({ name: prefix + entry.name, path: join(folder, entry.name) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
  for (const { name, path } of [...folders(fixtures, ''), ...folders(join(fixtures, '_error_'), '_error_/')]) {
    const file = join(path, 'expected.diagnostics.txt')
    if (!existsSync(file)) continue
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^(\S+) (error|warning|info) (.*) ([a-z0-9-]+)$/.exec(line)
      if (match) lines.push({ fixture: name, line, severity: match[2] ?? '', reason: match[3] ?? '', ruleId: match[4] ?? '' })
    }
  }
  return lines
}

/** A regular expression that matches what a template produces (any text in place of each placeholder). */
export function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`)
}

function severities(rule: Rule): string {
  const messages = Object.values(rule.messages) as RuleMessage[]
  const bySeverity = new Map<Severity, string[]>()
  for (const message of messages) bySeverity.set(message.severity, [...(bySeverity.get(message.severity) ?? []), message.id])
  if (bySeverity.size === 1) return [...bySeverity.keys()].join('')
  const order: Severity[] = [rule.severity, ...(['error', 'warning', 'info'] as const).filter((severity) => severity !== rule.severity)]
  return order
    .filter((severity) => bySeverity.has(severity))
    .map((severity) => `${severity} (${(bySeverity.get(severity) ?? []).map((id) => `\`${id}\``).join(', ')})`)
    .join('; ')
}

function origin(rule: Rule): string {
  return rule.origin === 'check' ? '`mapdown check`' : 'compiler'
}

/** The generated part of docs/rules.md, markers included. */
export function generateRulesDoc(fixtures: string): string {
  const lines = fixtureLines(fixtures)
  const out: string[] = [GENERATED_START, '<!-- Generated from src/rules/ and the fixtures: edit the rule modules, then `UPDATE_FIXTURES=1 pnpm exec vitest run packages/compiler/test/rules-docs.test.ts`. -->', '', '| rule | severity | reported by |', '| --- | --- | --- |']
  for (const rule of ALL_RULES) out.push(`| [\`${rule.id}\`](#${rule.id}) | ${severities(rule)} | ${origin(rule)} |`)
  for (const rule of ALL_RULES) {
    out.push('', `## ${rule.id}`, '', rule.docs, '', `Severity: ${severities(rule)}.${rule.origin === 'check' ? ' With `check --strict`: error.' : ''}`, '', 'Messages:', '')
    for (const message of Object.values(rule.messages) as RuleMessage[]) {
      out.push(`- \`${message.id}\` (${message.severity}): ${message.text}`)
      if (message.note !== undefined) out.push(`  Hint: ${message.note}`)
    }
    const examples: { from: string; line: string }[] = []
    for (const message of Object.values(rule.messages) as RuleMessage[]) {
      const pattern = templatePattern(message.text)
      const found = lines.find((candidate) => candidate.ruleId === rule.id && candidate.severity === message.severity && pattern.test(candidate.reason))
      if (found && !examples.some((example) => example.line === found.line)) examples.push({ from: `fixture \`${found.fixture}\``, line: found.line })
    }
    if (examples.length === 0 && rule.example) examples.push({ from: `\`${rule.example.source}\``, line: rule.example.line })
    for (const example of examples) out.push('', `Example (${example.from}):`, '', '```text', example.line, '```')
    if (examples.length === 0) out.push('', 'Example: none (no fixture or test reaches this rule).')
  }
  out.push('', GENERATED_END)
  return out.join('\n')
}

/** Placeholders a message's note uses that its text does not (fine), and template sanity for tests. */
export function messagePlaceholders(message: RuleMessage): string[] {
  return [...placeholdersOf(message.text), ...(message.note === undefined ? [] : placeholdersOf(message.note))]
}
