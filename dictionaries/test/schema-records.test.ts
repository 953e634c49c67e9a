// The shipped crosswalks end to end, through the built CLI: `mapdown map --schema ecs|ocsf` on
// every example stream writes one record per event the default output maps, from the same
// dictionary, and every record validates against the JSON Schemas that @mapdown/schemas
// generates from the official definitions (ECS 9.4, OCSF 1.5.0 with the record's profiles).

import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRecordValidator, type TargetName } from '@mapdown/schemas'
import { afterAll, describe, expect, it } from 'vitest'
import { compileLibrary, ORIGINAL_DICTIONARY, SCHEMAS_DIR } from '../scripts/library.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'packages/cli/dist/bin.js')
const STREAMS = ['examples/events/events.ndjson', 'examples/events/cloud-funnel-real-format.ndjson']
const scratch = mkdtempSync(join(tmpdir(), 'mapdown-schema-records-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

type Json = Record<string, unknown>

function mapdown(args: readonly string[]) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`)
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 })
}

/** The records `map` writes for a stream (in a schema, or the standard names), with its stats. */
function mapStream(stream: string, schema?: TargetName): { records: Json[]; stats: { read: number; mapped: number; rejected: number } } {
  const rejects = join(scratch, `${schema ?? 'standard'}-${stream.replace(/\W/g, '-')}.rejects.ndjson`)
  const run = mapdown(['map', ...(schema ? ['--schema', schema] : []), '--workers', '1', '--stats', '--rejects', rejects, stream])
  expect(run.status, run.stderr).toBe(0)
  const records = run.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Json)
  const statsLine = run.stderr.split('\n').find((line) => line.startsWith('{'))
  return { records, stats: JSON.parse(statsLine ?? '{}') as { read: number; mapped: number; rejected: number } }
}

/** The dictionary a record came from, where each schema puts mapdown's metadata. */
function dictionaryOf(record: Json, schema?: TargetName): unknown {
  if (schema === 'ecs') return (record.labels as Json | undefined)?.mapdown_dictionary
  if (schema === 'ocsf') return ((record.unmapped as Json | undefined)?.mapdown as Json | undefined)?.dictionary
  return (record['@mapdown'] as Json | undefined)?.dictionary
}

describe('map --schema on the example streams', () => {
  for (const schema of ['ecs', 'ocsf'] as const) {
    it(`should write a valid ${schema.toUpperCase()} record for every event the standard output maps`, () => {
      const validator = createRecordValidator(schema)
      let total = 0
      for (const stream of STREAMS) {
        const standard = mapStream(stream)
        const projected = mapStream(stream, schema)
        // Nothing lost: the same events mapped, in the same order, by the same dictionaries.
        expect(projected.stats).toMatchObject({ read: standard.stats.read, mapped: standard.stats.mapped, rejected: standard.stats.rejected })
        expect(projected.records.map((record) => dictionaryOf(record, schema))).toEqual(standard.records.map((record) => dictionaryOf(record)))
        const problems = projected.records.flatMap((record, index) => validator.validate(record).map((problem) => `${stream} record ${index + 1} (${String(dictionaryOf(record, schema))}): ${problem.pointer} ${problem.message}`))
        expect(problems).toEqual([])
        total += projected.records.length
      }
      expect(total).toBeGreaterThan(1000)
    })
  }

  it('should classify every OCSF record and keep the raw event type beside the ids', () => {
    const { records } = mapStream(STREAMS[1] ?? '', 'ocsf')
    for (const record of records) {
      expect(record.class_uid, JSON.stringify(record)).toEqual(expect.any(Number))
      expect(record.type_uid).toBe((record.class_uid as number) * 100 + (record.activity_id as number))
      expect(record.activity_name).toEqual(expect.any(String))
    }
  })
})

describe('check --schema ocsf on the library', () => {
  it('should fill every required attribute of every dictionary’s class', () => {
    const run = mapdown(['check', '--schema', 'ocsf', 'dictionaries'])
    expect(run.status, run.stderr).toBe(0)
    const rows = run.stdout.split('\n').filter((line) => /^\| sentinelone/.test(line))
    expect(rows.length).toBeGreaterThanOrEqual(20)
    const missing = rows.filter((row) => !row.trimEnd().endsWith('| - |'))
    expect(missing).toEqual([])
  })
})

/** The justification paragraph of each `## Dictionary <id>` section of a crosswalk. */
function justifications(schema: TargetName): Map<string, string> {
  const text = readFileSync(join(SCHEMAS_DIR, `${schema}.md`), 'utf8')
  const found = new Map<string, string>()
  for (const match of text.matchAll(/^## Dictionary (\S+)\n\n(.+)$/gm)) found.set(match[1] ?? '', match[2] ?? '')
  return found
}

describe('classification descriptions', () => {
  it('should end every dictionary description but the byte-pinned original with the justification its crosswalk sections give', async () => {
    const { ir } = await compileLibrary()
    const ecs = justifications('ecs')
    const ocsf = justifications('ocsf')
    expect([...ocsf.keys()].sort()).toEqual(ir.dictionaries.map((dictionary) => dictionary.id).sort())
    const stale = ir.dictionaries
      .filter((dictionary) => ecs.get(dictionary.id) !== ocsf.get(dictionary.id) || (dictionary.source !== ORIGINAL_DICTIONARY && !dictionary.description?.endsWith(` ${ocsf.get(dictionary.id) ?? '(no section)'}`)))
      .map((dictionary) => dictionary.id)
    expect(stale).toEqual([])
  })
})
