/**
 * SARIF output against the official SARIF 2.1.0 JSON Schema (OASIS, rtm.5, as
 * shipped in @microsoft/jest-sarif; read from disk, nothing fetched; its
 * `language` pattern is not valid in unicode mode, hence `unicodeRegExp: false`), with
 * every message the fixtures produce, `check`'s rules, and the CLI's real runs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Options, ValidateFunction } from 'ajv'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { compileSources, formatSarif, rules, sampleFieldIssue, sampleRejected, sampleRoutedElsewhere } from '@mapdown/compiler'
import { MAPDOWN_VERSION } from '../src/version.js'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
// ajv-draft-04 is CommonJS whose module.exports is the Ajv class (draft-04, as the SARIF schema is).
const AjvDraft04 = require('ajv-draft-04') as new (options: Options) => { compile(schema: object): ValidateFunction }
const schemaPath = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json')
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>
const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema)

function expectValid(text: string): void {
  const log: unknown = JSON.parse(text)
  expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true)
}

function fixtureInputs(): { path: string; contents: Uint8Array }[] {
  const inputs: { path: string; contents: Uint8Array }[] = []
  for (const folder of [join(here, 'fixtures'), join(here, 'fixtures/_error_')]) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const input = join(folder, entry.name, 'input.md')
      if (entry.isDirectory() && entry.name !== '_error_') {
        try {
          inputs.push({ path: input, contents: new Uint8Array(readFileSync(input)) })
        } catch {
          // `input.path` cases point at a dictionary elsewhere: the CLI runs below cover the original one.
        }
      }
    }
  }
  return inputs
}

describe('SARIF', () => {
  it('should be a schema that rejects what it must (the validator is not a no-op)', () => {
    expect(validate({ version: '2.1.0' })).toBe(false)
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false)
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'a' }, level: 'info' }] }] })).toBe(false)
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'a' }, level: 'note' }] }] })).toBe(true)
  })

  it('should validate for every message of every fixture, compiled together', () => {
    const result = compileSources(fixtureInputs(), { cwd: here })
    expect(result.files.reduce((count, file) => count + file.messages.length, 0)).toBeGreaterThan(50)
    expectValid(formatSarif(result.files))
  })

  it('should validate with check’s findings, and list every rule with its help url and the version', () => {
    const file = new VFile({ path: 'x.md' })
    sampleRejected.report({ file }, 'rejected', { reason: 'no_matching_dictionary', message: 'no match', id: 'a/b' }, undefined, { severity: 'error' })
    sampleRoutedElsewhere.report({ file }, 'routedElsewhere', { routedTo: 'a/c', id: 'a/b' }, undefined)
    sampleFieldIssue.report({ file }, 'fieldIssue', { value: '"x"', name: 'n', path: 'p', type: 'ip', issue: 'bad' }, { start: { line: 3, column: 1 }, end: { line: 3, column: 9 } })
    const text = formatSarif([file])
    expectValid(text)
    const driver = (JSON.parse(text) as { runs: { tool: { driver: { version: string; rules: { id: string; helpUri: string }[] } } }[] }).runs[0]?.tool.driver
    expect(driver?.version).toBe(MAPDOWN_VERSION)
    expect(driver?.rules.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id))
    for (const rule of driver?.rules ?? []) expect(rule.helpUri).toBe(`https://github.com/mapdown/mapdown/blob/main/packages/compiler/docs/rules.md#${rule.id}`)
  })

  it('should validate what `mapdown compile` and `mapdown check` wrote in the CLI golden runs', () => {
    const cliFixtures = join(here, '../../cli/test/fixtures')
    expectValid(readFileSync(join(cliFixtures, 'compile-original-sarif/expected.stdout'), 'utf8'))
    expectValid(readFileSync(join(cliFixtures, 'check-findings-sarif/expected.check.sarif'), 'utf8'))
  })

  it('should keep the version equal to package.json', () => {
    expect(MAPDOWN_VERSION).toBe((JSON.parse(readFileSync(join(here, '../package.json'), 'utf8')) as { version: string }).version)
  })
})
