// The crosswalk drafts end to end: every record of the example streams, mapped to standard
// names by the library and projected by the drafts (scripts/crosswalk-project.ts), is a valid
// ECS document and a valid OCSF event by the JSON Schemas generated from the official
// definitions. The known exceptions are named: Deep Visibility events carry no host, and
// OCSF requires `device` in Process Activity and File System Activity, and an endpoint
// (`src_endpoint` or `dst_endpoint`) in DNS Activity.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createEngine } from '@mapdown/engine'
import { createRecordValidator } from '@mapdown/schemas'
import { describe, expect, it } from 'vitest'
import { projectRecord } from '../scripts/crosswalk-project.js'
import { compileLibrary } from '../scripts/library.js'

const STREAMS = ['events.ndjson', 'cloud-funnel-real-format.ndjson']
const NO_HOST_PROBLEMS = [
  "sentinelone/DNS:  must have required property 'dst_endpoint'",
  "sentinelone/DNS:  must have required property 'src_endpoint'",
  'sentinelone/DNS:  must match a schema in anyOf',
  "sentinelone/FileCreation:  must have required property 'device'",
  "sentinelone/ProcessCreation:  must have required property 'device'",
]

async function mappedRecords() {
  const { ir } = await compileLibrary()
  const engine = createEngine(ir)
  const records: { dictionary: (typeof ir.dictionaries)[number]; record: Record<string, unknown>; line: string }[] = []
  for (const stream of STREAMS) {
    const lines = readFileSync(fileURLToPath(new URL(`../../examples/events/${stream}`, import.meta.url)), 'utf8').split('\n')
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue
      const result = engine.mapLine(line)
      if (!result.ok) continue
      const dictionary = ir.dictionaries.find((candidate) => candidate.id === result.dictionary)
      if (dictionary) records.push({ dictionary, record: result.record as Record<string, unknown>, line: `${stream}:${index + 1}` })
    }
  }
  return records
}

describe('crosswalk drafts on the example streams', () => {
  for (const target of ['ecs', 'ocsf'] as const) {
    it(`should project every mapped record into a valid ${target.toUpperCase()} record`, async () => {
      const records = await mappedRecords()
      expect(records.length).toBeGreaterThan(1000)
      const validator = createRecordValidator(target)
      const problems = new Map<string, number>()
      let valid = 0
      for (const { dictionary, record, line } of records) {
        const projected = projectRecord(dictionary, record, target)
        expect(projected, `${line} (${dictionary.id}) has no classification`).toBeDefined()
        const found = validator.validate(projected)
        if (found.length === 0) valid++
        for (const problem of found) {
          const key = `${dictionary.id}: ${problem.pointer} ${problem.message}`
          problems.set(key, (problems.get(key) ?? 0) + 1)
        }
      }
      const expected = target === 'ocsf' ? NO_HOST_PROBLEMS : []
      expect([...problems.keys()].sort()).toEqual(expected.sort())
      const elsewhere = records.filter(({ dictionary }) => !expected.some((problem) => problem.startsWith(`${dictionary.id}:`))).length
      expect(valid).toBeGreaterThanOrEqual(elsewhere)
    })
  }
})
