import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { ALL_RULES, ruleById } from '../src/rules/index.js'
import { fieldTypeArgument } from '../src/rules/field-type-argument.js'
import { fillTemplate, type RuleMessage } from '../src/rules/rule.js'
import { fixtureLines, GENERATED_END, GENERATED_START, generateRulesDoc, templatePattern } from './support/rules-doc.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../../..')
const docsPath = join(here, '../docs/rules.md')
const fixtures = join(here, 'fixtures')
const update = process.env.UPDATE_FIXTURES === '1'

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('rules', () => {
  it('should register every rule module, one rule per module, named after its id', () => {
    const modules = readdirSync(join(here, '../src/rules'))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'rule.ts')
      .map((name) => name.slice(0, -3))
      .sort()
    expect(ALL_RULES.map((rule) => rule.id)).toEqual(modules)
  })

  it('should use kebab-case ids, the docs url of the id, and declare at least one message', () => {
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/)
      expect(rule.url).toBe(`https://github.com/mapdown/mapdown/blob/main/packages/compiler/docs/rules.md#${rule.id}`)
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0)
    }
  })

  it('should add messages only through a rule (no `file.message` outside rule.ts, in every package)', () => {
    const offenders = readdirSync(join(root, 'packages'))
      .flatMap((name) => {
        try {
          return sourceFiles(join(root, 'packages', name, 'src'))
        } catch {
          return []
        }
      })
      .filter((path) => !path.endsWith(join('rules', 'rule.ts')) && /\bfile\.(?:message|fail|info)\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path))
    expect(offenders).toEqual([])
  })

  it('should explain every expected fixture diagnostic by one of its rule’s message templates, at that message’s severity', () => {
    const lines = fixtureLines(fixtures)
    expect(lines.length).toBeGreaterThan(50)
    for (const line of lines) {
      const rule = ruleById(line.ruleId)
      expect(rule, line.line).toBeDefined()
      const messages = Object.values(rule?.messages ?? {}) as RuleMessage[]
      const explained = messages.some((message) => message.severity === line.severity && templatePattern(message.text).test(line.reason))
      expect(explained, `${line.fixture}: ${line.line}`).toBe(true)
    }
  })

  it('should fill placeholders in one pass and refuse a missing value', () => {
    expect(fillTemplate('a {{x}} b', { x: '{{x}}' }, 'test')).toBe('a {{x}} b')
    expect(() => fillTemplate('a {{x}} {{y}}', { x: 1 }, 'test')).toThrow('no value for `{{y}}`')
    const file = new VFile({ path: 'x.md' })
    const message = fieldTypeArgument.report({ file }, 'datePattern', { pattern: 'Hm', problem: 'ambiguous' }, { line: 2, column: 3 })
    expect([message.reason, message.fatal, message.ruleId, message.url]).toEqual(['Unexpected date pattern `Hm`: ambiguous', true, 'field-type-argument', fieldTypeArgument.url])
    expect(fieldTypeArgument.report({ file }, 'datePattern', { pattern: 'Hm', problem: 'x' }, undefined, { severity: 'info' }).fatal).toBeUndefined()
    // @ts-expect-error: the data must give every placeholder of the message
    expect(() => fieldTypeArgument.report({ file }, 'datePattern', { pattern: 'Hm' }, undefined)).toThrow()
    // @ts-expect-error: message ids are checked
    expect(() => fieldTypeArgument.report({ file }, 'nope', {}, undefined)).toThrow('unknown message id')
  })
})

describe('docs/rules.md', () => {
  const docs = readFileSync(docsPath, 'utf8')

  it('should hold the table and sections generated from the registry and the fixtures', () => {
    const start = docs.indexOf(GENERATED_START)
    const end = docs.indexOf(GENERATED_END)
    expect(start).toBeGreaterThan(-1)
    expect(end).toBeGreaterThan(start)
    const generated = generateRulesDoc(fixtures)
    if (update) writeFileSync(docsPath, docs.slice(0, start) + generated + docs.slice(end + GENERATED_END.length))
    else expect(docs.slice(start, end + GENERATED_END.length)).toBe(generated)
  })

  it('should take each example no fixture has from a file that holds it verbatim', () => {
    for (const rule of ALL_RULES) {
      if (!rule.example) continue
      expect(readFileSync(join(root, rule.example.source), 'utf8'), `${rule.id}: ${rule.example.source}`).toContain(rule.example.line)
    }
  })
})
