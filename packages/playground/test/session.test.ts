import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describePlace } from '../src/diagnostics.js'
import type { LibraryFile } from '../src/library.js'
import { compileDocument, mapPasted } from '../src/session.js'

const DICTIONARIES = fileURLToPath(new URL('../../../dictionaries/', import.meta.url))
const SEED = 'sentinelone/network-connection.md'

function library(folder = DICTIONARIES): LibraryFile[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'test' ? [] : library(path)
    return name.endsWith('.md') && name !== 'README.md' ? [{ path: relative(DICTIONARIES, path), text: readFileSync(path, 'utf8') }] : []
  })
}

describe('compileDocument', () => {
  it('should report the seed dictionary exactly as the compiler does (the golden file of dictionaries/)', () => {
    const files = library()
    const seed = files.find((file) => file.path === SEED)!
    const view = compileDocument(SEED, seed.text, files)
    const lines = view.diagnostics.map((diagnostic) => `${describePlace(diagnostic)} ${diagnostic.severity} ${diagnostic.message}  mapdown:${diagnostic.ruleId}\n`)
    expect(lines.join('')).toBe(readFileSync(join(DICTIONARIES, 'test/network-connection.diagnostics.txt'), 'utf8'))
    expect(view.dictionary?.id).toBe('sentinelone/NetworkConnection')
    expect(view.sample).toMatchObject({ ok: true, record: { src_ip: '10.115.32.249', dst_port: 443 } })
  })

  it('should compile nothing and map nothing when the document has an error', () => {
    const seed = library().find((file) => file.path === SEED)!
    const view = compileDocument(SEED, seed.text.replace('| src_port | tcpv4.sourceAddress.port | integer |', '| src_port | tcpv4.sourceAddress.port | integr |'))
    expect(view.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => [diagnostic.start.line, diagnostic.ruleId])).toEqual([[105, 'field-type-unknown']])
    expect(view.dictionary).toBeUndefined()
    expect(view.engine).toBeUndefined()
  })

  it('should put cross-dictionary errors on the edited document, which comes last', () => {
    const files = library()
    const seed = files.find((file) => file.path === SEED)!
    const copy = compileDocument('copy-of-seed.md', seed.text, files)
    expect(copy.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.ruleId)).toContain('dictionary-id-duplicate')
  })
})

describe('compileDocument with a target schema', () => {
  // A crosswalk document as docs/schemas.md describes it, beside the library's own (if any).
  const crosswalk: LibraryFile = {
    path: 'schemas/playground-test.md',
    text: [
      '---',
      'schema: playground-test',
      'title: A test crosswalk',
      'definitions: ecs',
      'metadata: labels',
      'metadata-form: labels',
      '---',
      '',
      '## Fields',
      '',
      '| Standard Name | Target Field | Value Map |',
      '| --- | --- | --- |',
      '| src_ip | source.ip | |',
      '| dst_port | destination.port | |',
      '',
      '## Dictionary sentinelone/NetworkConnection',
      '',
      '### Constants',
      '',
      '| Target Field | Value |',
      '| --- | --- |',
      '| event.kind | event |',
      '',
    ].join('\n'),
  }
  const files = [...library(), crosswalk]
  const seed = files.find((file) => file.path === SEED)!

  it('should offer the library\'s schemas and map the sample into the one chosen, as mapdown map --schema does', () => {
    const view = compileDocument(SEED, seed.text, files, 'playground-test')
    expect(view.schemas).toContain('playground-test')
    expect(view.sample).toEqual({
      ok: true,
      dictionary: 'sentinelone/NetworkConnection',
      issues: [],
      record: {
        source: { ip: '10.115.32.249' },
        destination: { port: 443 },
        event: { kind: 'event' },
        labels: { mapdown_dictionary: 'sentinelone/NetworkConnection', mapdown_rule: 'NetworkConnection', mapdown_log_type: 'sentinelone' },
      },
    })
  })

  it('should map to the standard names without a schema, or with a name the library does not define', () => {
    for (const schema of [undefined, 'no-such-schema']) {
      const view = compileDocument(SEED, seed.text, files, schema)
      expect(view.sample).toMatchObject({ ok: true, record: { src_ip: '10.115.32.249', dst_port: 443 } })
    }
  })
})

describe('mapPasted', () => {
  const seed = library().find((file) => file.path === SEED)!
  const engine = compileDocument(SEED, seed.text).engine!

  it('should account for every non-blank line, mapped or rejected, numbered as an editor numbers it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(''), fc.constant('  '), fc.json(), fc.string()), { maxLength: 20 }), (lines) => {
        const results = mapPasted(engine, lines.join('\n'))
        const expected = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index + 1]))
        expect(results.map((result) => result.lineNo)).toEqual(expected)
      }),
    )
  })
})
