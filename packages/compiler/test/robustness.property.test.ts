import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileSources, formatGithub, formatJson, formatSarif, formatText } from '@mapdown/compiler'

// Whatever bytes arrive, the compiler returns: no throw, no internal error,
// every message placed inside the file. Inputs are kept small so that each run
// is bounded by construction (no wall-clock assertions).

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const original = readFileSync(join(root, 'dictionaries/sentinelone/network-connection.md'), 'utf8')

function checkCompiles(contents: string | Uint8Array): void {
  const result = compileSources([{ path: 'fuzz.md', contents }])
  const [file] = result.files
  expect(file).toBeDefined()
  if (!file) return
  const lineCount = String(file.value).split('\n').length
  for (const message of file.messages) {
    expect(message.ruleId, message.reason).not.toBe('internal-error')
    expect(typeof message.ruleId).toBe('string')
    if (message.line != null) {
      expect(message.line).toBeGreaterThanOrEqual(1)
      expect(message.line).toBeLessThanOrEqual(lineCount)
    }
  }
  expect(result.errorCount + result.warningCount).toBe(file.messages.filter((message) => message.fatal !== undefined).length)
  if (result.ir.dictionaries.length === 0) expect(result.errorCount).toBeGreaterThan(0)
  // The report formats accept whatever the compiler produced.
  for (const format of [formatText, formatJson, formatSarif, formatGithub]) expect(typeof format(result.files)).toBe('string')
}

const cell = fc.oneof(
  fc.constantFrom('src_ip', 'tcpv4.sourceAddress.address', 'ip', 'integer', 'date(epoch_s)', 'bool', '$..x', "$['a.b']", '$.a[?(@.b == 1)]', '', '`code`', '\\|', '__proto__', '@mapdown'),
  fc.string({ maxLength: 12 }),
)
const row = fc.array(cell, { minLength: 0, maxLength: 7 }).map((cells) => `| ${cells.join(' | ')} |`)
const table = fc
  .tuple(fc.shuffledSubarray(['Standard Name', 'Field Name', 'Type', 'Description', 'Sample Value', 'Extra'], { minLength: 0 }), fc.array(row, { maxLength: 6 }))
  .map(([header, rows]) => [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows].join('\n'))
const frontMatter = fc
  .array(
    fc.oneof(
      fc.constantFrom('title: x', 'log.type: sentinelone', 'sentinelone.rule: R', 'match: tcpv4', 'match: { a: [1, 2] }', 'a: &a [1]', 'b: *a', 'title: [', 'rule: R', ': :'),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 6 },
  )
  .map((lines) => `---\n${lines.join('\n')}\n---\n`)
const block = fc.oneof(
  table,
  fc.constantFrom('## Event JSON', '## Data Dictionary', '## Event Types:', '```json', '```', '~~~', '{ "tcpv4": { "a": 1 } }```', '{"a": "C:\\x"}', '> quote', '- list'),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
)
const document = fc.tuple(fc.option(frontMatter), fc.array(block, { maxLength: 10 })).map(([head, blocks]) => `${head ?? ''}${blocks.join('\n\n')}`)

describe('compiler robustness', () => {
  it('should return diagnostics for random dictionaries built from markdown pieces', () => {
    fc.assert(fc.property(document, checkCompiles), { numRuns: 300 })
  })

  it('should return diagnostics for every truncation of the original dictionary', () => {
    fc.assert(fc.property(fc.nat({ max: original.length }), (length) => checkCompiles(original.slice(0, length))), { numRuns: 200 })
  })

  it('should return diagnostics for the original dictionary with random edits', () => {
    const edit = fc.tuple(fc.nat({ max: original.length }), fc.nat({ max: 20 }), fc.string({ maxLength: 10 }))
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 5 }), (edits) => {
        let text = original
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove)
        checkCompiles(text)
      }),
      { numRuns: 200 },
    )
  })

  it('should return diagnostics for garbage bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), checkCompiles), { numRuns: 300 })
  })
})
