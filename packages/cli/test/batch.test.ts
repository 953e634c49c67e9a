import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BatchMapper } from '../src/map/batch.js'
import { fakeEngine } from './helpers/fake-engine.js'

describe('BatchMapper', () => {
  it('should join mapped lines and keep rejects with file, line and raw', () => {
    const mapper = new BatchMapper(fakeEngine())
    mapper.line('in.ndjson', 1, '{"kind":"a","n":1}')
    mapper.line('in.ndjson', 3, '{nope')
    mapper.line('in.ndjson', 4, '[1]')
    mapper.framingError('in.ndjson', { lineNo: 5, error: 'line_too_long', message: 'too long', raw: '{"kind"' })
    mapper.line('in.ndjson', 6, '{"kind":"b","n":2}')
    const result = mapper.take()
    expect(result.output).toBe(
      '{"n":1,"@mapdown":{"dictionary":"test/a","rule":"a","logType":"test"}}\n' +
        '{"n":2,"@mapdown":{"dictionary":"test/b","rule":"b","logType":"test"}}\n',
    )
    expect(result.rejects.map((r) => [r.reason, r.file, r.line, r.raw])).toEqual([
      ['invalid_json', 'in.ndjson', 3, '{nope'],
      ['not_an_object', 'in.ndjson', 4, '[1]'],
      ['line_too_long', 'in.ndjson', 5, '{"kind"'],
    ])
    expect(result.counts).toMatchObject({
      read: 5,
      mapped: 2,
      rejected: 3,
      mappedByDictionary: { 'test/a': 1, 'test/b': 1 },
      rejectedByReason: { invalid_json: 1, not_an_object: 1, line_too_long: 1 },
    })
  })

  it('should start afresh after take()', () => {
    const mapper = new BatchMapper(fakeEngine())
    mapper.line('f', 1, '{"kind":"a"}')
    mapper.take()
    expect(mapper.take()).toEqual({
      output: '',
      rejects: [],
      framingRejects: [],
      counts: { read: 0, mapped: 0, rejected: 0, rejectedByReason: {}, mappedByDictionary: {}, fieldIssues: 0, fieldIssuesByField: {}, unmatched: {}, unmatchedOther: 0, absentFieldsByDictionary: {} },
    })
  })

  it('should count field issues and keep them on field_error rejects', () => {
    const mapper = new BatchMapper(fakeEngine('reject'))
    mapper.line('f', 7, '{"kind":"bad","n":"x"}')
    const { rejects, counts } = mapper.take()
    expect(rejects).toEqual([
      {
        reason: 'field_error',
        message: 'Field error',
        file: 'f',
        line: 7,
        raw: '{"kind":"bad","n":"x"}',
        dictionary: 'test/bad',
        issues: [{ field: 'n', path: 'n', code: 'not_an_integer', message: 'Unexpected n', value: 'x' }],
      },
    ])
    expect(counts).toMatchObject({ read: 1, rejected: 1, fieldIssues: 1, fieldIssuesByField: { n: 1 } })
  })

  it('should account for every line: read = mapped + rejected = output lines + rejects', () => {
    const line = fc.oneof(
      fc.record({ kind: fc.constantFrom('a', 'b', 'bad'), n: fc.integer() }).map((event) => JSON.stringify(event)),
      fc.json(),
      fc.string(),
    )
    fc.assert(
      fc.property(fc.array(line), fc.constantFrom('keep' as const, 'reject' as const), (lines, mode) => {
        const mapper = new BatchMapper(fakeEngine(mode))
        lines.forEach((text, index) => mapper.line('f', index + 1, text))
        const { output, rejects, counts } = mapper.take()
        const outputLines = output === "" ? 0 : (output as string).split('\n').length - 1
        expect(counts.read).toBe(lines.length)
        expect(counts.mapped + counts.rejected).toBe(counts.read)
        expect(outputLines).toBe(counts.mapped)
        expect(rejects.length).toBe(counts.rejected)
        expect(Object.values(counts.rejectedByReason).reduce((a, b) => a + b, 0)).toBe(counts.rejected)
        expect(Object.values(counts.mappedByDictionary).reduce((a, b) => a + b, 0)).toBe(counts.mapped)
      }),
    )
  })
})
