import { afterEach, describe, expect, it } from 'vitest'
import { IR_VERSION, type DictionaryIR, type FieldIR, type MappingIR } from '@mapdown/ir'
import { createEngine, IrValidationError, type Engine } from '@mapdown/engine'
import { engineInternals } from '../src/core/internals.js'
import { INJECTIONS } from './support/ir-arbitrary.js'

/**
 * An attempted injection through every position of the IR that reaches, or
 * could reach, generated code: it fails (the IR is refused) or is inert (the
 * text is data: the generated mapper runs, reads the hostile key as a key,
 * writes the hostile name as a name, and agrees with the interpreter).
 */
const pwned = () => (globalThis as { __mapdownPwned?: unknown }).__mapdownPwned

function field(name: string, path: FieldIR['path'], extra: Partial<FieldIR> = {}): FieldIR {
  return { name, path, type: 'string', description: '', sampleValue: null, position: { start: { line: 1, column: 1 } }, ...extra }
}

function dictionary(extra: Partial<DictionaryIR>): DictionaryIR {
  return {
    id: 'test/Injection',
    title: 'Injection',
    description: null,
    logType: 'test',
    rule: 'Injection',
    version: null,
    author: null,
    date: null,
    source: 'injection.md',
    eventType: null,
    match: { all: [{ op: 'equals', path: { kind: 'nested', segments: ['kind'], text: 'kind' }, values: ['k'] }], evidence: 'front-matter' },
    fields: [field('plain', { kind: 'nested', segments: ['plain'], text: 'plain' })],
    ...extra,
  }
}

interface Position {
  /** The IR with the payload at this position. */
  readonly ir: (payload: string) => MappingIR
  /** An event that reaches the position. */
  readonly event: (payload: string) => Record<string, unknown>
  /** The record the event must give: the payload read or written as data. */
  readonly record?: (payload: string) => Record<string, unknown>
}

const ir = (d: Partial<DictionaryIR>): MappingIR => ({ irVersion: IR_VERSION, dictionaries: [dictionary(d)] })
const base = { kind: 'k', plain: 'p' }

const POSITIONS: Record<string, Position> = {
  'standard name': {
    ir: (p) => ir({ fields: [field(p, { kind: 'nested', segments: ['plain'], text: 'plain' })] }),
    event: () => base,
    record: (p) => ({ [p]: 'p' }),
  },
  'nested path key': {
    ir: (p) => ir({ fields: [field('f', { kind: 'nested', segments: ['a', p], text: `a.${p}` })] }),
    event: (p) => ({ ...base, a: { [p]: 'v' } }),
    record: () => ({ f: 'v' }),
  },
  'flat path key': {
    ir: (p) => ir({ fields: [field('f', { kind: 'flat', key: p, text: p })] }),
    event: (p) => ({ ...base, [p]: 'v' }),
    record: () => ({ f: 'v' }),
  },
  'either path (nested segments)': {
    ir: (p) => ir({ fields: [field('f', { kind: 'either', segments: [p, p], key: `${p}.${p}`, text: `${p}.${p}` })] }),
    event: (p) => ({ ...base, [p]: { [p]: 'v' } }),
    record: () => ({ f: 'v' }),
  },
  'either path (flat key)': {
    ir: (p) => ir({ fields: [field('f', { kind: 'either', segments: ['x', 'y'], key: p, text: 'x.y' })] }),
    event: (p) => ({ ...base, [p]: 'v' }),
    record: () => ({ f: 'v' }),
  },
  'path text (messages)': {
    ir: (p) => ir({ fields: [field('f', { kind: 'nested', segments: ['n'], text: p }, { type: 'integer' })] }),
    event: () => ({ ...base, n: 'not a number' }),
  },
  'match path key': {
    ir: (p) => ir({ match: { all: [{ op: 'equals', path: { kind: 'nested', segments: [p], text: p }, values: ['k'] }], evidence: 'front-matter' } }),
    event: (p) => ({ [p]: 'k', plain: 'p' }),
    record: () => ({ plain: 'p' }),
  },
  'match value': {
    ir: (p) => ir({ match: { all: [{ op: 'equals', path: { kind: 'nested', segments: ['kind'], text: 'kind' }, values: [p] }], evidence: 'front-matter' } }),
    event: (p) => ({ kind: p, plain: 'p' }),
    record: () => ({ plain: 'p' }),
  },
  'present condition path': {
    ir: (p) => ir({ match: { all: [{ op: 'present', path: { kind: 'flat', key: p, text: p } }], evidence: 'front-matter' } }),
    event: (p) => ({ [p]: 1, plain: 'p' }),
    record: () => ({ plain: 'p' }),
  },
  'date pattern (quoted literal)': {
    ir: (p) => ir({ fields: [field('when', { kind: 'nested', segments: ['t'], text: 't' }, { type: 'date', dateArgument: { pattern: `'${p.replace(/'/g, '')}' yyyy` } })] }),
    event: (p) => ({ ...base, t: `${p.replace(/'/g, '')} 2020` }),
  },
  'date pattern (raw)': {
    ir: (p) => ir({ fields: [field('when', { kind: 'nested', segments: ['t'], text: 't' }, { type: 'date', dateArgument: { pattern: p } })] }),
    event: (p) => ({ ...base, t: p }),
  },
  'dictionary metadata (id, title, rule, log type, source, description, version, author, date, event type)': {
    ir: (p) =>
      ir({ id: `${p}/x`, title: p, rule: p, logType: p, source: p, description: p, version: p, author: p, date: p, eventType: p }),
    event: () => base,
    record: (p) => ({ plain: 'p', '@mapdown': { dictionary: `${p}/x`, rule: p, logType: p } }),
  },
  'field description and sample value': {
    ir: (p) => ir({ fields: [field('plain', { kind: 'nested', segments: ['plain'], text: 'plain' }, { description: p, sampleValue: p })] }),
    event: () => base,
    record: () => ({ plain: 'p' }),
  },
}

afterEach(() => {
  expect(pwned()).toBeUndefined()
})

describe('code generation under attempted injection', () => {
  for (const [position, spec] of Object.entries(POSITIONS)) {
    it(`should keep every payload inert or refused: ${position}`, () => {
      let accepted = 0
      for (const payload of INJECTIONS) {
        const mapping = spec.ir(payload)
        let generated: Engine
        try {
          generated = createEngine(mapping, { mode: 'compiled' })
        } catch (error) {
          // Refusing the IR is a fine outcome; any other error (a SyntaxError from generated source) is not.
          expect(error).toBeInstanceOf(IrValidationError)
          continue
        }
        accepted += 1
        const reference = createEngine(mapping, { mode: 'interpreted' })
        // The fast path really ran for this IR: the payload did not force the fallback.
        expect(engineInternals(generated)?.generatedMappers).toBe(1)
        const line = JSON.stringify(spec.event(payload))
        const result = generated.mapLine(line)
        expect(JSON.stringify(result)).toBe(JSON.stringify(reference.mapLine(line)))
        if (spec.record !== undefined) {
          expect(result.ok).toBe(true)
          if (result.ok) expect(result.record).toMatchObject(spec.record(payload))
        }
        expect(pwned()).toBeUndefined()
      }
      // Positions that hold any text must accept the payloads (and so prove them inert), not refuse them all.
      if (!position.startsWith('date pattern (raw)')) expect(accepted).toBeGreaterThan(0)
    })
  }
})
