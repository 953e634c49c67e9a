// One-off: writes dictionaries/schemas/ecs.md and ocsf.md from the drafts (classifications.ts,
// crosswalk-fields.ts, crosswalk-values.ts). Run once; the markdown is the source of truth after.

import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { DictionaryIR } from '@mapdown/ir'
import { compileFiles } from '@mapdown/compiler'
import { ecsField, ocsfClass, ocsfField } from '@mapdown/schemas'
import { CLASSIFICATIONS, type DictionaryClassification } from './classifications.js'
import { FIELDS, LEFT_OUT, OVERRIDES } from './crosswalk-fields.js'
import { CONSTANTS, DERIVED, RELATED, VALUE_MAPS, type ValueMap } from './crosswalk-values.js'
import { DICTIONARIES_DIR, dictionaryFolders } from './library.js'

type Target = 'ecs' | 'ocsf'
interface Row { cell: string; field: string; map?: string; note?: string }
interface Map { name: string; map: ValueMap }

const ELEMENT = /\[[^\]]*\]/
const DV_BASE = ['sentinelone/ProcessCreation', 'sentinelone/FileCreation', 'sentinelone/DNS']
const DV_WHY: Record<string, string> = {
  'sentinelone/ProcessCreation': 'ECS process start; OCSF Base Event (0), because Process Activity requires the device and a Deep Visibility event names no host (its data goes under unmapped).',
  'sentinelone/FileCreation': 'ECS file creation; OCSF Base Event (0), because File System Activity requires the device and a Deep Visibility event names no host (its data goes under unmapped).',
  'sentinelone/DNS': 'ECS network protocol; OCSF Base Event (0), because DNS Activity requires an endpoint and a Deep Visibility event names neither the host nor the server (its data goes under unmapped).',
}

function classificationOf(id: string): DictionaryClassification {
  const found = CLASSIFICATIONS[id]
  if (!found) throw new Error(`no classification for ${id}`)
  if (DV_BASE.includes(id)) return { ...found, ocsf: { classUid: 0, activityId: 0 }, why: DV_WHY[id] ?? found.why, judgment: undefined, profiles: [] }
  if (id === 'sentinelone-cloud-funnel/Registry') {
    // One class per dictionary: the value events are modifications of their key.
    const byType = Object.fromEntries(Object.entries(found.byType ?? {}).map(([type, value]) => [type, { ...value, ocsf: value.ocsf?.classUid === 201002 ? { activityId: 3 } : { activityId: value.ocsf?.activityId } }]))
    return {
      ...found,
      byType,
      why: "ECS registry creation/change/access/deletion and the OCSF Windows extension's Registry Key Activity (201001), one class for the dictionary: a value created, modified or deleted is a Modify (3) of its key.",
      judgment: 'Registry Value Activity (201002) would need a class per event type; the value data therefore has no OCSF slot yet. Key Export is ECS access, Key Import ECS change.',
    }
  }
  return found
}

function lookup(target: Target, classUid: number, path: string) {
  return target === 'ecs' ? ecsField(path) : ocsfField(classUid, path)
}

function mapName(field: string): string {
  return field.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()
}

function generate(target: Target, dictionaries: readonly DictionaryIR[]): string {
  const maps = new Map<string, ValueMap>()
  const useMap = (name: string, map: ValueMap): string => {
    const key = JSON.stringify(map)
    for (const [existing, value] of maps) if (JSON.stringify(value) === key) return existing
    let unique = name
    for (let n = 2; maps.has(unique); n++) unique = `${name}-${n}`
    maps.set(unique, map)
    return unique
  }
  const notExpressible = new Set<string>()
  const index = target === 'ecs' ? 0 : 1
  const typeOf = (dictionary: DictionaryIR | undefined, name: string) => dictionary?.fields.find((field) => field.name === name)?.type

  /** The rows a standard name gives in a dictionary (undefined: the shared crosswalk). */
  function rowsOf(name: string, dictionary: DictionaryIR | undefined, classUid: number): Row[] {
    const id = dictionary?.id
    const override = id === undefined ? undefined : OVERRIDES[id]?.[name]?.[index]
    let path = override !== undefined ? override : FIELDS[name]?.[index]
    const rows: Row[] = []
    const place = (cell: string, field: string, map?: string, fallback = false): void => {
      if (ELEMENT.test(field)) {
        notExpressible.add(`\`${name}\` → \`${field}\``)
        if (fallback) rows.push({ cell, field: `unmapped.${name}` })
        return
      }
      const found = lookup(target, classUid, field)
      if (!found.ok) {
        if (fallback && target === 'ocsf') rows.push({ cell, field: `unmapped.${name}` })
        return
      }
      let written = cell
      const irType = typeOf(dictionary, name) ?? typeOf(anyWith(name), name)
      if (target === 'ocsf' && found.field.type === 'timestamp_t' && irType === 'date' && !map) written = `epoch_ms(${cell})`
      if (found.field.array && !map && !written.startsWith('unique(')) written = `unique(${written})`
      rows.push({ cell: written, field, map })
    }
    if (path) {
      const valueMap = VALUE_MAPS[name]?.[target]
      place(name, path, valueMap ? useMap(name.replace(/_/g, '-'), valueMap) : undefined, true)
    }
    for (const derived of DERIVED[name] ?? []) {
      if (derived.target !== target) continue
      if (derived.only && (id === undefined || !derived.only.includes(id))) continue
      if (derived.under && !path?.startsWith(`${derived.under}.`)) continue
      let field = derived.field
      if (field.startsWith('~.')) {
        if (!path || ELEMENT.test(path)) continue
        field = `${path.slice(0, path.lastIndexOf('.'))}.${field.slice(2)}`
      }
      const cell = derived.derive ? `${{ basename: 'basename', dirname: 'dirname', user: 'user_name', domain: 'user_domain', lower: 'lower' }[derived.derive]}(${name})` : name
      place(cell, field, derived.map ? useMap(mapName(field.split('.').slice(-2).join('-')), derived.map) : undefined)
    }
    return rows
  }
  const anyWith = (name: string) => dictionaries.find((dictionary) => dictionary.fields.some((field) => field.name === name))

  // The shared rows: every name of the library, as FIELDS places it.
  const names = Object.keys(FIELDS).filter((name) => anyWith(name))
  const shared = new Map<string, Row[]>()
  for (const name of names) {
    // OCSF: checked in the class the most dictionaries with the name use; a class without the attribute overrides.
    const classUid = target === 'ocsf' ? sharedClass(name, dictionaries) : 0
    shared.set(name, rowsOf(name, undefined, classUid))
  }

  const sections: string[] = []
  for (const dictionary of dictionaries) {
    const classification = classificationOf(dictionary.id)
    const classUid = classification.ocsf.classUid
    const overrides: Row[] = []
    const dictionaryNames = dictionary.fields.map((field) => field.name).filter((name) => Object.hasOwn(FIELDS, name))
    const constants: [string, unknown][] = []
    const typeRows: Row[] = []
    for (const name of dictionaryNames) {
      const mine = rowsOf(name, dictionary, classUid)
      const theirs = shared.get(name) ?? []
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
        const cells = new Set(theirs.map((row) => row.cell))
        for (const row of mine) cells.delete(row.cell)
        overrides.push(...mine)
        for (const cell of cells) overrides.push({ cell, field: '-' })
      }
    }
    // The classification: constants, or maps on the event type where the types differ.
    const types = eventTypes(dictionary)
    const perType = (pick: (special: NonNullable<DictionaryClassification['byType']>[string] | undefined) => unknown, base: unknown) => {
      const values = types.map((type) => [type, pick(classification.byType?.[type]) ?? base] as const)
      return values.some(([, value]) => JSON.stringify(value) !== JSON.stringify(base)) ? values : undefined
    }
    const classify = (field: string, base: unknown, pick: (special: NonNullable<DictionaryClassification['byType']>[string] | undefined) => unknown): void => {
      const values = perType(pick, base)
      if (!values) {
        if (base !== undefined) constants.push([field, base])
        return
      }
      const map: ValueMap = { map: Object.fromEntries(values.filter(([, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(base)).map(([type, value]) => [type, value as never])), ...(base === undefined ? {} : { default: base as never }) }
      typeRows.push({ cell: 'event_type', field, map: useMap(`${dictionary.id.split('/')[1]?.toLowerCase()}-${mapName(field)}`, map) })
    }
    const written = new Set([...dictionaryNames.flatMap((name) => rowsOf(name, dictionary, classUid).map((row) => row.field))])
    if (target === 'ecs') {
      constants.push(['event.kind', classification.ecs.kind], ['event.category', classification.ecs.category])
      classify('event.type', classification.ecs.type, (special) => special?.ecs?.type)
      for (const [field, value] of Object.entries(classification.constants?.ecs ?? {})) constants.push([field, value])
      // related.*: the names of this dictionary.
      for (const [field, related] of Object.entries(RELATED)) {
        const mine = related.filter((name) => dictionaryNames.includes(name)).map((name) => (field === 'related.user' && name === 'user_name' ? 'user_name(user_name)' : name))
        if (mine.length > 0) overrides.push({ cell: `unique(${mine.join(', ')})`, field })
      }
    } else {
      const found = ocsfClass(classUid)
      constants.push(['class_uid', classUid], ['category_uid', found?.category.uid])
      classify('activity_id', classification.ocsf.activityId, (special) => special?.ocsf?.activityId)
      for (const [field, value] of Object.entries(classification.constants?.ocsf ?? {})) constants.push([field, value])
      const typed = new Set(types.flatMap((type) => Object.keys(classification.byType?.[type]?.constants?.ocsf ?? {})))
      for (const field of typed) if (!written.has(field)) classify(field, undefined, (special) => special?.constants?.ocsf?.[field])
    }
    if (target === 'ecs') {
      const typed = new Set(types.flatMap((type) => Object.keys(classification.byType?.[type]?.constants?.ecs ?? {})))
      for (const field of typed) if (!written.has(field)) classify(field, undefined, (special) => special?.constants?.ecs?.[field])
    }
    if (typeRows.length > 0) {
      overrides.push(...(shared.get('event_type') ?? []).filter((row) => !overrides.some((other) => other.cell === row.cell)), ...typeRows)
    }
    const lines = [`## Dictionary ${dictionary.id}`, '', classification.why]
    if (classification.judgment) lines.push('', `Judgment call: ${classification.judgment}`)
    lines.push('', '### Constants', '', '| Target Field | Value |', '| --- | --- |', ...constants.map(([field, value]) => `| ${field} | ${yaml(value)} |`))
    if (overrides.length > 0) lines.push('', '### Overrides', '', '| Standard Name | Target Field | Value Map |', '| --- | --- | --- |', ...overrides.map(row))
    sections.push(lines.join('\n'))
  }

  const fieldRows = [...shared.values()].flat()
  if (target === 'ocsf') fieldRows.push({ cell: 'host_name', field: 'metadata.profiles', map: useMap('host-profile', { map: {}, default: ['host'] as never }) })
  const globalConstants = Object.entries(CONSTANTS[target]).filter(([field]) => field !== 'metadata.profiles')
  const mapSections = [...maps].map(([name, map]) => {
    const entries = Object.entries(map.map).map(([from, to]) => `| ${from} | ${yaml(to)} |`)
    if (map.default !== undefined) entries.push(`| * | ${yaml(map.default)} |`)
    return [`### ${name}`, '', 'compare: loose', '', '| Value | Target Value |', '| --- | --- |', ...entries].join('\n')
  })
  const leftOut = [...notExpressible].sort()
  const header = target === 'ecs' ? ECS_INTRO : OCSF_INTRO
  return [
    header.trimEnd(),
    '',
    ...(leftOut.length > 0
      ? ['**Not yet expressible.** A crosswalk target is a dotted path; OCSF puts hashes and agents in arrays of objects picked by an id (`file.hashes[algorithm_id=3].value`: the SHA-256 element), which the document format cannot write yet. These names go under `unmapped.<standard name>` instead, so nothing is lost:', '', ...leftOut.map((entry) => `- ${entry}`), '']
      : []),
    '## Fields',
    '',
    '| Standard Name | Target Field | Value Map |',
    '| --- | --- | --- |',
    ...fieldRows.map(row),
    '',
    '## Constants',
    '',
    '| Target Field | Value |',
    '| --- | --- |',
    ...globalConstants.map(([field, value]) => `| ${field} | ${yaml(value)} |`),
    '',
    '## Value Maps',
    '',
    'Matching is blind to case and whitespace (`OUTGOING`, `outgoing`).',
    '',
    mapSections.join('\n\n'),
    '',
    sections.join('\n\n'),
    '',
  ].join('\n')
}

function sharedClass(name: string, dictionaries: readonly DictionaryIR[]): number {
  const counts = new Map<number, number>()
  for (const dictionary of dictionaries) {
    if (!dictionary.fields.some((field) => field.name === name)) continue
    const uid = classificationOf(dictionary.id).ocsf.classUid
    counts.set(uid, (counts.get(uid) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
}

function eventTypes(dictionary: DictionaryIR): string[] {
  const types: string[] = []
  for (const condition of dictionary.match.all) if (condition.op === 'equals' && condition.path.text === 'event.type') types.push(...condition.values.map(String))
  return types
}

function row(entry: Row): string {
  return `| ${entry.cell} | ${entry.field} | ${entry.map ?? ''} |`
}

function yaml(value: unknown): string {
  if (typeof value === 'string') return /^[A-Za-z][\w .-]*$/.test(value) && !['true', 'false', 'null', 'yes', 'no'].includes(value) ? value : JSON.stringify(value)
  return JSON.stringify(value)
}

const ECS_INTRO = `---
schema: ecs
title: Elastic Common Schema
description: ECS documents for Elasticsearch and Elastic Security, from the same dictionaries.
version: 9.4.0
metadata: labels
metadata-form: labels
---

# SentinelOne → ECS

\`mapdown map --schema ecs\` writes each mapped record as an ECS document. The format of this
document is [docs/schemas.md](../../docs/schemas.md); the compiler checks every row against
ECS's own definitions (\`@elastic/ecs\`, through \`@mapdown/schemas\`).

- **Fields**: where each standard name goes. A row applies to a dictionary only when the
  dictionary has every standard name it reads.
- **Categorisation** (\`event.kind\`, \`event.category\`, \`event.type\`): per dictionary below,
  chosen from ECS's allowed values, with the reason; where a dictionary holds several
  SentinelOne event types, \`event.type\` comes from the event type through a value map.
- **\`related.*\`**: per dictionary, the IPs, hashes and users it has, without duplicates.
- mapdown's metadata goes in \`labels\` (\`mapdown_dictionary\`, \`mapdown_rule\`, ...): ECS
  documents take ECS fields only, and \`labels\` is the open one.
- Names with no ECS field of that meaning (integrity levels, storyline ids, the target process
  outside process events, ...) are left out.

`

const OCSF_INTRO = `---
schema: ocsf
title: Open Cybersecurity Schema Framework
description: OCSF 1.5.0 events (with the Windows extension), from the same dictionaries.
version: 1.5.0
metadata: unmapped.mapdown
---

# SentinelOne → OCSF

\`mapdown map --schema ocsf\` writes each mapped record as an OCSF 1.5.0 event. The format of
this document is [docs/schemas.md](../../docs/schemas.md); the compiler checks every row
against the compiled OCSF 1.5.0 schema (through \`@mapdown/schemas\`) in the class of the
dictionary's \`class_uid\`, and \`mapdown check --schema ocsf\` prints the coverage of required
and recommended attributes per dictionary.

- **Fields**: where each standard name goes; per dictionary, **Overrides** move the roles
  where the class puts them (the launched process is \`process\` in Process Activity, the
  acting one \`actor.process\` elsewhere) and send what the class has no attribute for to
  \`unmapped.<standard name>\`.
- **Class and activity** per dictionary below, with the reason; where a dictionary holds
  several SentinelOne event types, \`activity_id\` comes from the event type through a value
  map. \`type_uid\` and the \`*_name\` siblings (\`activity_name\`, \`status\`, ...) are computed
  by the compiler from the ids.
- \`metadata.profiles\` is \`["host"]\` when the event names its host (\`device\` filled).
- mapdown's metadata goes in \`unmapped.mapdown\`, OCSF's object for what the class does not model.

`

async function main(): Promise<void> {
  const { ir } = await compileFiles(dictionaryFolders().map((folder) => join(DICTIONARIES_DIR, folder)), { cwd: DICTIONARIES_DIR })
  const dictionaries = [...ir.dictionaries].sort((a, b) => a.id.localeCompare(b.id))
  mkdirSync(join(DICTIONARIES_DIR, 'schemas'), { recursive: true })
  for (const target of ['ecs', 'ocsf'] as const) writeFileSync(join(DICTIONARIES_DIR, 'schemas', `${target}.md`), generate(target, dictionaries))
  void LEFT_OUT
}

await main()
