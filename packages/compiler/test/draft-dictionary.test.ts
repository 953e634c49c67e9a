import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileSources, draftDictionary } from '@mapdown/compiler'
import type { DictionaryIR } from '@mapdown/ir'

// `draftDictionary` writes a dictionary from a sample event. What it writes must
// read back as written: every Sample Value cell is the event's value, every
// row's path finds it, and the draft compiles without a warning.

function compileDraft(markdown: string) {
  const result = compileSources([{ path: 'draft.md', contents: markdown }], { cwd: '/' })
  const messages = result.files.flatMap((file) => file.messages.filter((message) => message.fatal !== undefined).map((message) => `${message.line}:${message.column} ${message.reason}`))
  return { dictionary: result.ir.dictionaries[0], messages }
}

/** A library of one Cloud Funnel dictionary mapping `field` as `name`. */
function libraryWith(field: string, name: string, type: DictionaryIR['fields'][number]['type']): DictionaryIR[] {
  const markdown = [
    '---',
    'title: T',
    'log.type: sentinelone-cloud-funnel',
    'sentinelone-cloud-funnel.rule: Other',
    'match:',
    '  event.type: Other',
    '---',
    '## Event JSON',
    '```json',
    JSON.stringify({ 'event.type': 'Other', [field]: type === 'string' ? 'x' : 1 }),
    '```',
    '## Data Dictionary',
    '| Standard Name | Field Name | Type | Description | Sample Value |',
    '| - | - | - | - | - |',
    `| ${name} | ${field} | ${type} | The ${name} | |`,
  ].join('\n')
  const { dictionary } = compileDraft(markdown)
  if (!dictionary) throw new Error('library dictionary does not compile')
  return [dictionary]
}

describe('draftDictionary', () => {
  it('should support any string as a Sample Value: the cell reads back as the value, or is left empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const library = libraryWith('src.process.user', 'user_name', 'string')
        const draft = draftDictionary({ 'event.category': 'x', 'event.type': 'Y', 'src.process.user': value }, { library })
        if (!draft.ok) throw new Error(draft.reason)
        const { dictionary, messages } = compileDraft(draft.draft.markdown)
        expect(messages).toEqual([])
        const field = dictionary?.fields.find((candidate) => candidate.name === 'user_name')
        if (value === '') expect(field).toBeDefined()
        else expect([value, null]).toContain(field?.sampleValue)
      }),
      { numRuns: 300 },
    )
  })

  it('should not name a field whose library type the sample value does not fit', () => {
    const library = libraryWith('src.process.pid', 'process_id', 'integer')
    const draft = draftDictionary({ 'event.type': 'Y', 'src.process.pid': 'not a number' }, { library })
    expect(draft.ok && draft.draft.named).toBe(0)
    expect(draft.ok && draft.draft.unnamed.map((field) => [field.fieldName, field.why])).toEqual([
      ['event.type', 'no dictionary of the library maps this Field Name'],
      ['src.process.pid', 'the library maps it to `process_id` of type integer, which the sample value does not fit'],
    ])
  })

  it('should not name a field the library maps to two Standard Names', () => {
    const library = [...libraryWith('src.process.pid', 'process_id', 'integer'), ...libraryWith('src.process.pid', 'pid', 'integer').map((d) => ({ ...d, id: 'x/Y' }))]
    const draft = draftDictionary({ 'event.type': 'Y', 'src.process.pid': 3 }, { library })
    expect(draft.ok && draft.draft.unnamed[1]?.why).toMatch(/maps it to `process_id` .* and `pid`/)
  })

  it('should only take names from dictionaries of the same log type', () => {
    const library = libraryWith('timestamp', 'event_time', 'string')
    const event = { processExit: { pid: 1 }, tcpv4: null, timestamp: 'x' }
    const draft = draftDictionary(event, { library })
    expect(draft.ok && draft.draft.id).toBe('sentinelone/ProcessExit')
    expect(draft.ok && draft.draft.named).toBe(0)
  })

  it('should route any other event on the key it is given, with the log type it is given', () => {
    const event = { kind: 'session start', user: { name: 'ana' }, tags: ['a'] }
    expect(draftDictionary(event, { routingKey: 'kind' })).toEqual({ ok: false, reason: 'an event routed on `kind` needs a log type' })
    const draft = draftDictionary(event, { routingKey: 'kind', logType: 'myapp' })
    if (!draft.ok) throw new Error(draft.reason)
    expect(draft.draft.id).toBe('myapp/SessionStart')
    expect(draft.draft.unnamed.map((field) => field.fieldName)).toEqual(['kind', 'user.name', 'tags'])
    // Nothing named: the author names a row before the draft compiles (mapdown init says so).
    expect(draft.draft.named).toBe(0)
    expect(compileDraft(draft.draft.markdown).messages).toEqual(['27:1 Unexpected Data Dictionary table without rows, expected at least one field'])
    // The author names `user.name`: its row moves from the comment into the table.
    const row = /^\|  \| user\.name \|.*$/m.exec(draft.draft.markdown)?.[0] ?? ''
    const named = draft.draft.markdown.replace(/<!--[^]*-->\n/, '').trimEnd() + `\n${row.replace('|  |', '| user_name |')}\n`
    const { dictionary, messages } = compileDraft(named)
    expect(messages).toEqual([])
    expect(dictionary?.match.all).toEqual([{ op: 'equals', path: { kind: 'nested', segments: ['kind'], text: 'kind' }, values: ['session start'] }])
  })

  // The library's precedence convention (dictionaries/README.md), so that a draft ties with no dictionary it can meet.
  it('should write the precedence convention of its format, below the Deep Visibility dictionaries of the library and of earlier drafts', () => {
    const deepVisibility = (object: string, precedence?: number) =>
      compileDraft(
        ['---', 'title: T', 'log.type: sentinelone', `sentinelone.rule: ${object}`, `match: ${object}`, ...(precedence === undefined ? [] : [`precedence: ${precedence}`]), '---', '## Data Dictionary', '| Standard Name | Field Name | Type |', '| - | - | - |', `| port | ${object}.port | integer |`].join('\n'),
      ).dictionary!
    const library = [deepVisibility('tcpv4'), deepVisibility('dns', -1), ...libraryWith('src.process.pid', 'process_id', 'integer')]
    const draftOf = (event: Record<string, unknown>, drafted: { logType: string; precedence: number }[] = []) => {
      const draft = draftDictionary(event, { library, drafted })
      if (!draft.ok) throw new Error(draft.reason)
      return draft.draft
    }
    const cloudFunnel = draftOf({ 'event.category': 'process', 'event.type': 'Process Exit', 'src.process.pid': 1 })
    expect([cloudFunnel.precedence, /^precedence: 1$/m.test(cloudFunnel.markdown)]).toEqual([1, true])
    const exit = draftOf({ processExit: { pid: 1 }, tcpv4: null, timestamp: 'x' })
    expect([exit.precedence, /^precedence: -2$/m.test(exit.markdown)]).toEqual([-2, true])
    expect(draftOf({ login: { user: 'a' }, tcpv4: null }, [exit]).precedence).toBe(-3)
    // An event object the library routes already: its precedence, so that `check` names the duplicate.
    expect(draftOf({ dns: { query: 'a' }, tcpv4: null }).precedence).toBe(-1)
  })

  it('should not support events it cannot route', () => {
    expect(draftDictionary([1, 2])).toEqual({ ok: false, reason: 'the sample event is not a JSON object' })
    expect(draftDictionary({ a: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/^neither a Cloud Funnel event/) })
    expect(draftDictionary({ a: 1 }, { routingKey: 'b' })).toEqual({ ok: false, reason: 'the event has no scalar value at `b` to route on' })
  })
})
