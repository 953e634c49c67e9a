import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractSample, readDictionarySamples } from '../src/generate/samples.js'

const FIXTURES = join(import.meta.dirname, 'fixtures', 'samples')

type Expected = { ok: true; sample: unknown } | { ok: false; reason: string }

describe('extractSample: fixtures (input.md -> expected.json; a failing reason is matched as a prefix, the JSON error text is V8\'s)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`should handle ${name}`, () => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected
      const actual = extractSample(readFileSync(join(FIXTURES, name, 'input.md'), 'utf8'))
      if (expected.ok) expect(actual).toEqual(expected)
      else {
        expect(actual.ok).toBe(false)
        if (!actual.ok) expect(actual.reason.startsWith(expected.reason)).toBe(true)
      }
    })
  }
})

describe('readDictionarySamples', () => {
  it('should read every .md below a folder, sorted, README excluded, with / separators', () => {
    const root = mkdtempSync(join(tmpdir(), 'bench-samples-'))
    mkdirSync(join(root, 'b'))
    writeFileSync(join(root, 'b', 'one.md'), '## Event JSON\n```\n{"a":1}\n```\n')
    writeFileSync(join(root, 'a.md'), 'no sample')
    writeFileSync(join(root, 'README.md'), '## Event JSON\n```\n{"readme":1}\n```\n')
    writeFileSync(join(root, 'notes.txt'), '## Event JSON\n```\n{"txt":1}\n```\n')
    expect(readDictionarySamples(root)).toEqual([
      { file: 'a.md', ok: false, reason: 'no "Event JSON" heading' },
      { file: 'b/one.md', ok: true, sample: { a: 1 } },
    ])
  })

  it('should find a sample in every shipped dictionary, the original included', () => {
    const outcomes = readDictionarySamples(join(import.meta.dirname, '..', '..', 'dictionaries'))
    expect(outcomes.some((outcome) => outcome.file === 'sentinelone/network-connection.md' && outcome.ok)).toBe(true)
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([])
  })
})
