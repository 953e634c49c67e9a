import { describe, expect, it } from 'vitest'
import { compileSources, formatGithub, formatJson, formatSarif, formatText } from '@mapdown/compiler'

const source = [
  '---',
  'title: Formats',
  'log.type: sentinelone',
  'sentinelone.rule: Formats',
  '---',
  '',
  '## Event JSON',
  '```json',
  '{ "tcpv4": { "port": 1 } }',
  '```',
  '',
  '## Data Dictionary',
  '| Standard Name | Field Name | Type | Description | Sample Value |',
  '| --- | --- | --- | --- | --- |',
  '| port | tcpv4.port | interger | a typo, 100%, with a: colon, and a comma | 1 |',
  '| host | tcpv4.host | string | absent from the sample | h |',
  '',
].join('\n')

const result = compileSources([{ path: 'dir/with, comma.md', contents: source }], { cwd: '/' })

describe('report formats', () => {
  it('should print text with vfile-reporter', () => {
    const text = formatText(result.files)
    expect(text).toContain('dir/with, comma.md')
    expect(text).toContain('15:21-15:32 error   Unexpected type `interger` for `port`')
    expect(text).toContain('field-type-unknown')
    expect(text).toMatch(/1 error/)
  })

  it('should print each hint (`note`) under its message in text, and urls only when verbose', () => {
    const text = formatText(result.files)
    expect(text).toContain('  [note]:\n    Dates take an optional argument')
    expect(text).not.toContain('rules.md#field-type-unknown')
    expect(formatText(result.files, { verbose: true })).toContain('rules.md#field-type-unknown')
    // The files themselves keep their urls.
    expect(result.files[0]?.messages[0]?.url).toMatch(/rules\.md#field-type-unknown$/)
  })

  it('should give JSON with positions, severities and rule urls', () => {
    const [file] = JSON.parse(formatJson(result.files)) as { path: string; messages: Record<string, unknown>[] }[]
    expect(file?.path).toBe('dir/with, comma.md')
    expect(file?.messages[0]).toMatchObject({
      ruleId: 'field-type-unknown',
      severity: 'error',
      line: 15,
      column: 21,
      endLine: 15,
      endColumn: 32,
      url: 'https://github.com/mapdown/mapdown/blob/main/packages/compiler/docs/rules.md#field-type-unknown',
    })
  })

  it('should give SARIF 2.1.0 with rules, levels, relative uris and regions', () => {
    const log = JSON.parse(formatSarif(result.files))
    expect(log.version).toBe('2.1.0')
    const run = log.runs[0]
    expect(run.tool.driver.name).toBe('mapdown')
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id)
    expect(ids).toContain('field-type-unknown')
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/rules\.md#/)
    const [first, second] = run.results
    expect(first).toMatchObject({
      ruleId: 'field-type-unknown',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'dir/with,%20comma.md' }, region: { startLine: 15, startColumn: 21, endLine: 15, endColumn: 32 } } }],
    })
    expect(ids[first.ruleIndex]).toBe('field-type-unknown')
    expect(second).toMatchObject({ ruleId: 'sample-path-absent', level: 'warning' })
  })

  it('should give GitHub annotations with GitHub escaping', () => {
    const lines = formatGithub(result.files).trimEnd().split('\n')
    expect(lines[0]).toMatch(/^::error file=dir\/with%2C comma\.md,line=15,col=21,endLine=15,endColumn=32,title=field-type-unknown::Unexpected type `interger`/)
    expect(lines[1]).toMatch(/^::warning file=.*title=sample-path-absent::/)
    // One annotation per line: no raw line break inside a message.
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) /)
  })

  it('should escape `%`, CR and LF in messages and also `:` and `,` in properties', async () => {
    const { escapeData, escapeProperty } = await import('../src/report/format-github.js')
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext')
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25')
  })
})
