import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { MappingIR, ValueMapIR } from '@mapdown/ir'
import { createEngine } from '@mapdown/engine'
import { DERIVE } from '../src/project/derive.js'
import { valueMapper } from '../src/project/value-map.js'
import { readJson } from './support/fixtures.js'

const segment = fc.stringMatching(/^[A-Za-z0-9 ._-]{1,8}$/)

describe('derivations (docs/schemas.md)', () => {
  it('should split any Windows or POSIX path into dirname and basename that join back', () => {
    fc.assert(
      fc.property(fc.constantFrom('/', '\\'), fc.array(segment, { minLength: 2, maxLength: 5 }), (separator, parts) => {
        const path = parts.join(separator)
        expect(DERIVE.basename([path])).toBe(parts.at(-1))
        expect(`${String(DERIVE.dirname([path]))}${separator}${String(DERIVE.basename([path]))}`).toBe(path)
      }),
    )
  })

  it('should keep roots and refuse what is not a path', () => {
    expect(DERIVE.dirname(['/bin'])).toBe('/')
    expect(DERIVE.dirname(['C:\\Windows'])).toBe('C:\\')
    expect(DERIVE.dirname(['explorer.exe'])).toBeUndefined()
    expect(DERIVE.basename(['C:\\Windows\\'])).toBe('Windows')
    expect(DERIVE.basename([''])).toBeUndefined()
    expect(DERIVE.basename([42])).toBeUndefined()
  })

  it('should split DOMAIN\\user, and take a value without a domain as the name', () => {
    expect(DERIVE.user_name(['CORP\\alice'])).toBe('alice')
    expect(DERIVE.user_domain(['CORP\\alice'])).toBe('CORP')
    expect(DERIVE.user_name(['alice'])).toBe('alice')
    expect(DERIVE.user_domain(['alice'])).toBeUndefined()
    expect(DERIVE.user_domain(['\\alice'])).toBeUndefined()
  })

  it('should read ISO dates and epoch numbers as milliseconds', () => {
    expect(DERIVE.epoch_ms(['2019-10-24T16:11:55.865Z'])).toBe(1571933515865)
    expect(DERIVE.epoch_ms([1571933515865])).toBe(1571933515865)
    expect(DERIVE.epoch_ms(['yesterday'])).toBeUndefined()
  })

  it('should collect every value once, in order, arrays flattened', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }))), (args) => {
        const flat = args.flatMap((arg) => (arg === undefined ? [] : Array.isArray(arg) ? arg : [arg]))
        const result = DERIVE.unique(args)
        if (flat.length === 0) expect(result).toBeUndefined()
        else expect(result).toEqual([...new Set(flat)])
      }),
    )
    expect(DERIVE.coalesce([undefined, 'b', 'c'])).toBe('b')
  })
})

describe('value maps', () => {
  const map: ValueMapIR = { name: 'direction', compare: 'loose', entries: [{ from: 'OUTGOING', to: { value: 'egress' } }, { from: 'true', to: { value: 1 } }], default: { keep: true } }

  it('should compare loosely as text, keep the source value by default, and never match an object', () => {
    const apply = valueMapper(map)
    expect(apply(' out going ')).toBe('egress')
    expect(apply(true)).toBe(1)
    expect(apply('sideways')).toBe('sideways')
    expect(apply(undefined)).toBeUndefined()
    expect(valueMapper({ name: 'm', entries: [{ from: 'a', to: { value: ['x'] } }] })('b')).toBeUndefined()
  })

  it('should give every record its own copy of an array value', () => {
    const apply = valueMapper({ name: 'm', entries: [{ from: 'a', to: { value: ['x'] } }] })
    expect(apply('a')).not.toBe(apply('a'))
  })
})

describe('the schema option', () => {
  const ir = readJson('ir', 'schema-projection.ir.json') as MappingIR

  it('should refuse an unknown schema and list the known ones', () => {
    expect(() => createEngine(ir, { schema: 'ocsf' })).toThrow('Unexpected schema "ocsf", expected one of ecs')
    expect(() => createEngine({ ...ir, schemas: undefined }, { schema: 'ecs' })).toThrow(/the IR has no schemas/)
  })

  it('should refuse an IR whose targets run through one another or read unknown names', () => {
    const schema = ir.schemas![0]!
    const projection = schema.projections[0]!
    const broken = {
      ...ir,
      schemas: [{ ...schema, projections: [{ ...projection, assignments: [...projection.assignments, { target: ['event', 'kind', 'x'], value: { kind: 'field', name: 'nope' } }] }] }],
    }
    expect(() => createEngine(broken)).toThrow(/unknown standard name "nope"[\s\S]*target event\.kind\.x runs through the value event\.kind/)
  })

  it('should leave standard-names records unchanged without the option', () => {
    const record = createEngine(ir).map({ tcpv4: { sourceAddress: { address: '10.0.0.1' } } })
    expect(record.ok && record.record).toEqual({ src_ip: '10.0.0.1', '@mapdown': { dictionary: 'sentinelone/NetworkConnection', rule: 'NetworkConnection', logType: 'sentinelone' } })
  })
})

describe('metadata as labels', () => {
  const ir = readJson('ir', 'schema-projection.ir.json') as MappingIR

  it('should add string labels to what the crosswalk writes there, the issues as JSON text', () => {
    const schema = ir.schemas![0]!
    const projection = schema.projections[0]!
    const withLabel = { ...ir, schemas: [{ ...schema, projections: [{ ...projection, assignments: [{ target: ['labels', 'site'], value: { kind: 'constant', value: 'lab' } }, ...projection.assignments] }] }] }
    const result = createEngine(withLabel, { schema: 'ecs' }).map({ tcpv4: { sourceAddress: { address: 'nope' } } })
    expect(result.ok && result.record['labels']).toEqual({
      site: 'lab',
      mapdown_dictionary: 'sentinelone/NetworkConnection',
      mapdown_rule: 'NetworkConnection',
      mapdown_log_type: 'sentinelone',
      mapdown_issues: JSON.stringify(result.issues),
    })
    expect(result.ok && Object.keys(result.record).at(-1)).toBe('labels')
  })
})
