import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ALL_RULES } from '../src/rules/index.js'

const here = dirname(fileURLToPath(import.meta.url))
const docs = readFileSync(join(here, '../docs/rules.md'), 'utf8')

describe('rules', () => {
  it('should register every rule module, one rule per module, named after its id', () => {
    const modules = readdirSync(join(here, '../src/rules'))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'rule.ts')
      .map((name) => name.slice(0, -3))
      .sort()
    expect(ALL_RULES.map((rule) => rule.id)).toEqual(modules)
  })

  it('should document every rule, with the url anchor each message links to', () => {
    for (const rule of ALL_RULES) {
      expect(docs).toContain(`\n## ${rule.id}\n`)
      expect(rule.url).toBe(`https://github.com/mapdown/mapdown/blob/main/packages/compiler/docs/rules.md#${rule.id}`)
    }
  })

  it('should use kebab-case ids', () => {
    for (const rule of ALL_RULES) expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/)
  })
})
