// The dictionary library as a whole: it compiles, every new dictionary is clean, the
// original's known defects are pinned, every sample maps through the engine, and the
// standard names mean one thing (one type) everywhere.

import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CompileResult } from '@mapdown/compiler'
import { coerce, createEngine } from '@mapdown/engine'
import type { DictionaryIR } from '@mapdown/ir'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileLibrary, DICTIONARIES_DIR, ORIGINAL_DICTIONARY, ORIGINAL_SHA256, README_PATH } from '../scripts/library.js'
import { standardNameUses } from '../scripts/tables.js'
import { staleSections } from '../scripts/update-readme.js'
import { formatDiagnostics } from './format-diagnostics.js'

const GOLDEN_DIAGNOSTICS = fileURLToPath(new URL('./network-connection.diagnostics.txt', import.meta.url))
const UPDATE_GOLDEN = process.env.MAPDOWN_UPDATE_GOLDEN === '1'

/** What the issue asks the library to cover, at least. */
const REQUIRED_DICTIONARIES = [
  'sentinelone/NetworkConnection',
  'sentinelone/ProcessCreation',
  'sentinelone/FileCreation',
  'sentinelone/DNS',
  // One per Cloud Funnel event category of SentinelOne's catalogue (real-format-events.test.ts checks every type).
  'sentinelone-cloud-funnel/Process',
  'sentinelone-cloud-funnel/CrossProcess',
  'sentinelone-cloud-funnel/File',
  'sentinelone-cloud-funnel/Registry',
  'sentinelone-cloud-funnel/ScheduledTask',
  'sentinelone-cloud-funnel/DNS',
  'sentinelone-cloud-funnel/IP',
  'sentinelone-cloud-funnel/HTTP',
  'sentinelone-cloud-funnel/Logins',
  'sentinelone-cloud-funnel/ModuleLoad',
  'sentinelone-cloud-funnel/DriverLoad',
  'sentinelone-cloud-funnel/CommandScript',
  'sentinelone-cloud-funnel/BehavioralIndicators',
  'sentinelone-cloud-funnel/ThreatIntelligenceIndicators',
  'sentinelone-cloud-funnel/GroupCreation',
  'sentinelone-cloud-funnel/UserSubstitution',
]

let result: CompileResult
let original: DictionaryIR
let others: DictionaryIR[]

beforeAll(async () => {
  result = await compileLibrary()
  const isOriginal = (d: DictionaryIR) => d.source === ORIGINAL_DICTIONARY
  original = result.ir.dictionaries.find(isOriginal)!
  others = result.ir.dictionaries.filter((d) => !isOriginal(d))
})

type VFile = CompileResult['files'][number]

const fileOf = (source: string): VFile => {
  const file = result.files.find((f) => f.path === join(DICTIONARIES_DIR, source) || f.path === source)
  if (!file) throw new Error(`no VFile for ${source} among ${result.files.map((f) => f.path).join(', ')}`)
  return file
}

describe('the original dictionary', () => {
  it('should be byte for byte the user\'s file', () => {
    const bytes = readFileSync(join(DICTIONARIES_DIR, ORIGINAL_DICTIONARY))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(ORIGINAL_SHA256)
  })

  it('should compile, with its warnings equal to the golden file', () => {
    expect(original, 'the original compiles to a dictionary').toBeDefined()
    const actual = formatDiagnostics(fileOf(ORIGINAL_DICTIONARY))
    if (UPDATE_GOLDEN) writeFileSync(GOLDEN_DIAGNOSTICS, actual)
    expect(existsSync(GOLDEN_DIAGNOSTICS), 'golden file present (MAPDOWN_UPDATE_GOLDEN=1 writes it)').toBe(true)
    expect(actual).toBe(readFileSync(GOLDEN_DIAGNOSTICS, 'utf8'))
    expect(actual, 'the original has known defects, so it must have warnings').toMatch(/ warning /)
    expect(actual).not.toMatch(/ error /)
  })
})

describe('the library', () => {
  it('should compile without errors', () => {
    const errors = result.files.flatMap((file) => file.messages.filter((m) => m.fatal === true).map((m) => `${file.path}: ${m.reason}`))
    expect(errors).toEqual([])
    expect(result.errorCount).toBe(0)
  })

  it('should hold every dictionary the issue asks for, each id once', () => {
    const ids = result.ir.dictionaries.map((d) => d.id)
    expect(ids).toEqual(expect.arrayContaining(REQUIRED_DICTIONARIES))
    expect(new Set(ids).size).toBe(ids.length)
    // Every file is a dictionary, a partial that some dictionary includes, or a schema's crosswalk.
    const sources = new Set(result.ir.dictionaries.flatMap((d) => [d.source, ...d.fields.flatMap((f) => (f.source === undefined ? [] : [f.source]))]))
    for (const schema of result.ir.schemas ?? []) sources.add(schema.source)
    expect(result.files.map((f) => f.path).filter((path) => !sources.has(path)), 'files that are neither a dictionary nor included nor a crosswalk').toEqual([])
    expect((result.ir.schemas ?? []).map((schema) => schema.name)).toEqual(['ecs', 'ocsf'])
    expect(new Set(result.ir.dictionaries.map((d) => d.source)).size, 'one dictionary per file').toBe(ids.length)
  })

  it('should have no warning in any dictionary but the original', () => {
    const warnings = result.files
      .filter((file) => !file.path.endsWith(ORIGINAL_DICTIONARY))
      .flatMap((file) => file.messages.filter((m) => m.fatal === false).map((m) => `${file.path}: ${formatDiagnostics({ messages: [m] }).trim()}`))
    expect(warnings).toEqual([])
  })

  it('should give every standard name one type across all dictionaries', () => {
    const inconsistent = standardNameUses(result.ir.dictionaries).filter((use) => use.types.length > 1)
    expect(inconsistent).toEqual([])
  })

  it('should read Cloud Funnel fields as flat keys and Deep Visibility fields as nested paths', () => {
    for (const dictionary of others) {
      const expected = dictionary.logType === 'sentinelone-cloud-funnel' ? 'flat' : 'nested'
      for (const field of dictionary.fields) expect(`${dictionary.id} ${field.name}: ${field.path.kind}`).toBe(`${dictionary.id} ${field.name}: ${expected}`)
    }
  })

  it('should route Cloud Funnel dictionaries by the explicit match: on event.category and event.type', () => {
    for (const dictionary of others.filter((d) => d.logType === 'sentinelone-cloud-funnel')) {
      expect(dictionary.match.evidence).toBe('front-matter')
      expect(dictionary.match.all.map((c) => (c.path.kind === 'flat' ? c.path.key : c.path.text)).sort()).toEqual(['event.category', 'event.type'])
      for (const condition of dictionary.match.all) expect(condition).toEqual(expect.objectContaining({ op: 'equals', path: expect.objectContaining({ kind: 'flat' }) }))
    }
  })

  it('should route Deep Visibility dictionaries by their Event Types table, confirmed by the sample', () => {
    for (const dictionary of others.filter((d) => d.logType === 'sentinelone')) {
      const { precedence: _precedence, ...match } = dictionary.match
      expect(match).toEqual({ all: [{ op: 'present', path: expect.objectContaining({ kind: 'nested', segments: [dictionary.eventType] }) }], evidence: 'event-types-table' })
    }
  })

  // Predicates on different paths overlap (an event may carry `tcpv4` and `event.type`), so the library says which wins (README: precedence).
  it('should declare the precedence convention: Cloud Funnel 1, the original 0, the other Deep Visibility dictionaries below it, each its own', () => {
    const precedence = (id: string) => result.ir.dictionaries.find((d) => d.id === id)!.match.precedence ?? 0
    for (const dictionary of result.ir.dictionaries.filter((d) => d.logType === 'sentinelone-cloud-funnel')) expect(`${dictionary.id}: ${precedence(dictionary.id)}`).toBe(`${dictionary.id}: 1`)
    expect(['sentinelone/NetworkConnection', 'sentinelone/DNS', 'sentinelone/FileCreation', 'sentinelone/ProcessCreation'].map(precedence)).toEqual([0, -1, -2, -3])
    expect(result.ir.dictionaries.filter((d) => d.logType === 'sentinelone')).toHaveLength(4)
  })

  it('should keep the README tables in step with the dictionaries', () => {
    expect(staleSections(readFileSync(README_PATH, 'utf8'), result.ir)).toEqual([])
  })
})

describe('each sample event', () => {
  it('should map through the engine to its own dictionary, every field present (unless null in the sample) and without issues', () => {
    const engine = createEngine(result.ir)
    for (const dictionary of others) {
      const sample = result.samples.get(dictionary.id)
      expect(sample, `${dictionary.id} has a valid sample`).toBeDefined()
      const mapped = engine.map(sample)
      if (!mapped.ok) throw new Error(`${dictionary.id}: sample rejected (${mapped.reason}): ${mapped.message}`)
      expect(mapped.dictionary).toBe(dictionary.id)
      expect(mapped.issues).toEqual([])
      const nullInSample = (name: string) => {
        const field = dictionary.fields.find((f) => f.name === name)
        return field?.path.kind === 'flat' && (sample as Record<string, unknown>)[field.path.key] === null
      }
      expect(Object.keys(mapped.record)).toEqual([...dictionary.fields.map((f) => f.name).filter((name) => !nullInSample(name)), '@mapdown'])
    }
  })

  it('should agree with the Sample Value column of every row of its own (an included row illustrates with another sample)', () => {
    const engine = createEngine(result.ir)
    for (const dictionary of others) {
      const mapped = engine.map(result.samples.get(dictionary.id))
      if (!mapped.ok) throw new Error(`${dictionary.id}: sample rejected`)
      for (const field of dictionary.fields.filter((f) => f.source === undefined)) {
        const fromCell = coerce(field.sampleValue, field.type, field.dateArgument)
        expect(fromCell.kind, `${dictionary.id} ${field.name}: Sample Value ${field.sampleValue}`).toBe('value')
        if (fromCell.kind !== 'value') continue
        expect(`${dictionary.id} ${field.name}: ${String(mapped.record[field.name])}`).toBe(`${dictionary.id} ${field.name}: ${String(fromCell.value)}`)
      }
    }
  })

  it('should map the original\'s sample to the original, as the golden diagnostics describe', () => {
    const engine = createEngine(result.ir)
    const sample = result.samples.get(original.id)
    expect(sample, 'the original\'s Event JSON parses (its fence is glued, not broken)').toBeDefined()
    const mapped = engine.map(sample)
    expect(mapped.ok && mapped.dictionary).toBe(original.id)
  })
})
