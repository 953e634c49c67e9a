import type { DictionaryIR, FieldIR, FieldType, MappingIR } from '@mapdown/ir'
import { FIELD_TYPES } from '@mapdown/ir'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeCondition, renderDictionariesTable, renderStandardNamesTable, standardNameUses } from '../scripts/tables.js'

function field(name: string, type: FieldType): FieldIR {
  return {
    name,
    type,
    path: { kind: 'nested', segments: [name], text: name },
    description: '',
    sampleValue: null,
    position: { start: { line: 1, column: 1 } },
  }
}

function dictionary(id: string, fields: FieldIR[]): DictionaryIR {
  const [logType = '', rule = ''] = id.split('/')
  return {
    id,
    title: id,
    description: null,
    logType,
    rule,
    version: null,
    author: null,
    date: null,
    source: `${logType}/${rule.toLowerCase()}.md`,
    eventType: rule,
    match: { all: [{ op: 'present', path: { kind: 'nested', segments: [rule], text: rule } }], evidence: 'field-paths' },
    fields,
  }
}

const arbitraryDictionaries = fc
  .uniqueArray(
    fc.record({
      id: fc.tuple(fc.constantFrom('a', 'b'), fc.stringMatching(/^[A-Z][a-z]{0,5}$/)).map(([t, r]) => `${t}/${r}`),
      fields: fc.array(fc.tuple(fc.constantFrom('src_ip', 'dst_ip', 'process_id', 'user_name', 'x|y'), fc.constantFrom(...FIELD_TYPES)), { maxLength: 6 }),
    }),
    { selector: (d) => d.id, maxLength: 5 },
  )
  .map((list) => list.map((d) => dictionary(d.id, d.fields.map(([name, type]) => field(name, type)))))

describe('standardNameUses', () => {
  it('should list each (dictionary, field) once, under its name, with its type', () => {
    fc.assert(
      fc.property(arbitraryDictionaries, (dictionaries) => {
        const uses = standardNameUses(dictionaries)
        const names = uses.map((u) => u.name)
        expect(names).toEqual([...new Set(dictionaries.flatMap((d) => d.fields.map((f) => f.name)))].sort())
        for (const d of dictionaries) {
          for (const f of d.fields) {
            const use = uses.find((u) => u.name === f.name)!
            expect(use.dictionaries).toContain(d.id)
            expect(use.types).toContain(f.type)
          }
        }
        for (const use of uses) {
          expect(new Set(use.types).size).toBe(use.types.length)
          expect(use.dictionaries.every((id) => dictionaries.find((d) => d.id === id)!.fields.some((f) => f.name === use.name))).toBe(true)
        }
      }),
    )
  })

  it('should show an inconsistent name with all its types', () => {
    const uses = standardNameUses([dictionary('a/X', [field('src_port', 'integer')]), dictionary('a/Y', [field('src_port', 'string')])])
    expect(uses).toEqual([{ name: 'src_port', types: ['integer', 'string'], dictionaries: ['a/X', 'a/Y'] }])
  })
})

describe('tables', () => {
  const ir: MappingIR = {
    irVersion: 3,
    dictionaries: [dictionary('s/DNS', [field('dst_host_name', 'string'), field('process_id', 'integer')]), dictionary('s/Tcp', [field('process_id', 'integer'), field('a|b', 'ip')])],
  }

  it('should render the standard names, sorted, with escaped pipes', () => {
    expect(renderStandardNamesTable(ir)).toBe(
      [
        '| Standard Name | Type | Dictionaries |',
        '| --- | --- | --- |',
        '| `a\\|b` | ip | `s/Tcp` |',
        '| `dst_host_name` | string | `s/DNS` |',
        '| `process_id` | integer | `s/DNS`, `s/Tcp` |',
      ].join('\n'),
    )
  })

  it('should render one row per dictionary, with its precedence, linking its file', () => {
    const lines = renderDictionariesTable({ ...ir, dictionaries: [ir.dictionaries[0]!, { ...ir.dictionaries[1]!, match: { ...ir.dictionaries[1]!.match, precedence: -2 } }] }).split('\n')
    expect(lines).toHaveLength(2 + ir.dictionaries.length)
    expect(lines[0]).toBe('| Dictionary | Routed on | Precedence | Fields | File |')
    expect(lines[2]).toBe('| `s/DNS` | `DNS` not null | 0 | 2 | [s/dns.md](s/dns.md) |')
    expect(lines[3]).toMatch(/^\| `s\/Tcp` \| .* \| -2 \| 2 \|/)
  })

  it('should describe equality conditions with every value', () => {
    const path = { kind: 'flat', key: 'event.type', text: 'event.type' } as const
    expect(describeCondition({ op: 'equals', path, values: ['GET', 'POST'] })).toBe('`event.type` = `GET`, `POST`')
    expect(describeCondition({ op: 'equals', path, values: [1, true, null] })).toBe('`event.type` = `1`, `true`, `null`')
  })

  it('should render the same IR to the same text', () => {
    fc.assert(
      fc.property(arbitraryDictionaries, (dictionaries) => {
        const a = renderStandardNamesTable({ irVersion: 3, dictionaries })
        const b = renderStandardNamesTable({ irVersion: 3, dictionaries: [...dictionaries].reverse() })
        expect(a).toBe(b)
      }),
    )
  })
})
