import { describe, expect, it } from 'vitest'
import { compileSources, formatGithub, formatJson, formatSarif, formatText } from '@mapdown/compiler'
import { MAX_QUOTED_LENGTH, MAX_REASON_LENGTH, shortenReason } from '../src/context.js'

// A hostile cell can be a megabyte, and messages quote cells. Before messages
// were shortened, `mapdown compile` (text format) spent minutes in
// vfile-reporter on a 600 KB Type cell; JSON, SARIF and GitHub outputs
// carried the whole cell. The time bound itself is tested through the CLI by
// test/hardening (case redos-type-cell).

function dictionary(typeCell: string): string {
  return [
    '---',
    'title: Long',
    'log.type: sentinelone',
    'sentinelone.rule: Long',
    'match: tcpv4',
    '---',
    '',
    '## Data Dictionary',
    '| Standard Name | Field Name | Type | Description | Sample Value |',
    '| --- | --- | --- | --- | --- |',
    `| port | tcpv4.port | ${typeCell} | the port | 443 |`,
    '',
  ].join('\n')
}

describe('long quoted text in messages', () => {
  it('should shorten a quoted cell and keep every report small', () => {
    const result = compileSources([{ path: 'long.md', contents: dictionary(`integer${' '.repeat(300_000)}!`) }])
    const message = result.files[0]?.messages.find((candidate) => candidate.ruleId === 'field-type-unknown')
    expect(message?.ruleId).toBe('field-type-unknown')
    expect(message?.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH + 1)
    expect(message?.reason).toContain(`\`integer${' '.repeat(MAX_QUOTED_LENGTH - 'integer'.length)}…\``)
    expect(message?.actual?.length).toBeLessThanOrEqual(MAX_REASON_LENGTH + 1)
    // Measured against the report of a short unknown type: SARIF lists every rule
    // of the registry (a fixed, growing size), so the bound is on what the cell adds.
    const short = compileSources([{ path: 'long.md', contents: dictionary('integerx!') }])
    for (const format of [formatText, formatJson, formatSarif, formatGithub]) {
      expect(format(result.files).length - format(short.files).length).toBeLessThan(2_000)
    }
  })

  it('should shorten only quoted spans, never the prose between two of them', () => {
    const prose = 'words '.repeat(40)
    expect(shortenReason(`Unexpected \`a\` ${prose}expected \`b\``)).toBe(`Unexpected \`a\` ${prose}expected \`b\``)
    expect(shortenReason(`Unexpected \`${'x'.repeat(200)}\` and \`y\``)).toBe(`Unexpected \`${'x'.repeat(MAX_QUOTED_LENGTH)}…\` and \`y\``)
  })
})
