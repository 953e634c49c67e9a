import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compileSources } from '@mapdown/compiler'
import { diagnosticLines } from './support/diagnostics.js'

const original = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../dictionaries/sentinelone/network-connection.md'), 'utf8')
const LIMIT = 1024 * 1024

/** The original dictionary, padded with a description paragraph to exactly `bytes` bytes. */
function padded(bytes: number): string {
  return `${original}\n${'x'.repeat(bytes - Buffer.byteLength(original) - 2)}\n`
}

describe('dictionary size limit', () => {
  it('should read a dictionary of exactly 1 MiB', () => {
    const result = compileSources([{ path: 'big.md', contents: padded(LIMIT) }])
    expect(result.errorCount).toBe(0)
    expect(result.ir.dictionaries).toHaveLength(1)
  })

  it('should refuse one byte more, as text or as bytes, without reading it', () => {
    for (const contents of [padded(LIMIT + 1), new TextEncoder().encode(padded(LIMIT + 1))]) {
      const result = compileSources([{ path: 'big.md', contents }])
      const [file] = result.files
      expect(file && diagnosticLines(file)).toBe(
        '1:1 error Unexpected dictionary of 1,048,577 bytes, expected at most 1,048,576 (1 MiB); the file is not read dictionary-too-large\n',
      )
      expect(result.ir.dictionaries).toEqual([])
    }
  })

  it('should count UTF-8 bytes, not characters', () => {
    const text = `${original}\n${'é'.repeat(LIMIT / 2)}\n`
    expect(text.length).toBeLessThan(LIMIT)
    expect(compileSources([{ path: 'big.md', contents: text }]).files[0]?.messages.map((message) => message.ruleId)).toEqual(['dictionary-too-large'])
  })
})
