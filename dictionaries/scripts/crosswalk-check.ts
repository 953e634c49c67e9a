// Checks the crosswalk drafts (classifications.ts, crosswalk-fields.ts, crosswalk-values.ts)
// against the official definitions (@mapdown/schemas) and the compiled library, and computes
// the OCSF coverage of each dictionary. Pure: the test and the README generator call it.

import type { DictionaryIR, MappingIR } from '@mapdown/ir'
import { checkEcsCategorization, checkValue, ecsField, ocsfClass, ocsfField, ocsfObjectConstraints, ocsfObjectRequirements, ocsfRequirements, type FieldLookup, type TargetField, type TargetName } from '@mapdown/schemas'
import { CLASSIFICATIONS, type EcsClassification, type OcsfClassification } from './classifications.js'
import { FIELDS, LEFT_OUT, OVERRIDES, TYPE_OVERRIDES } from './crosswalk-fields.js'
import { CONSTANTS, DERIVED, RELATED, VALUE_MAPS, type Derived, type ValueMap } from './crosswalk-values.js'

/** One kind of event of a dictionary: a SentinelOne event type (undefined when the dictionary routes otherwise) and its classification. */
export interface EventKind {
  readonly type: string | undefined
  readonly ecs: EcsClassification
  readonly ocsf: OcsfClassification
  /** The dictionary's constants and the type's, per target. */
  readonly constants: { readonly ecs: Readonly<Record<string, unknown>>; readonly ocsf: Readonly<Record<string, unknown>> }
}

/** The event types a dictionary routes on (`event.type` in its match), or [] when it routes otherwise. */
export function eventTypesOf(dictionary: DictionaryIR): string[] {
  const types: string[] = []
  for (const condition of dictionary.match.all) {
    if (condition.op === 'equals' && condition.path.text === 'event.type') types.push(...condition.values.map(String))
  }
  return types
}

/** Every kind of event of a dictionary with its classification (one per event type, or one). */
export function eventKindsOf(dictionary: DictionaryIR): EventKind[] {
  const classification = CLASSIFICATIONS[dictionary.id]
  if (!classification) return []
  const types = eventTypesOf(dictionary)
  return (types.length === 0 ? [undefined] : types).map((type) => {
    const special = type === undefined ? undefined : classification.byType?.[type]
    return {
      type,
      ecs: { ...classification.ecs, ...special?.ecs },
      ocsf: { ...classification.ocsf, ...special?.ocsf },
      constants: {
        ecs: { ...CONSTANTS.ecs, ...classification.constants?.ecs, ...special?.constants?.ecs },
        ocsf: { ...CONSTANTS.ocsf, ...classification.constants?.ocsf, ...special?.constants?.ocsf },
      },
    }
  })
}

const ELEMENT = /^(?<array>[^[]+)\[(?<key>[a-z_]+)=(?<value>[^\]]+)\]\.(?<rest>.+)$/

/** Where a standard name goes in a target for one kind of event of a dictionary (null: left out). */
export function placement(dictionaryId: string, type: string | undefined, name: string, target: TargetName): string | null | undefined {
  const index = target === 'ecs' ? 0 : 1
  const byType = type === undefined ? undefined : TYPE_OVERRIDES[dictionaryId]?.[type]?.[name]?.[index]
  if (byType !== undefined) return byType
  const byDictionary = OVERRIDES[dictionaryId]?.[name]?.[index]
  if (byDictionary !== undefined) return byDictionary
  return FIELDS[name]?.[index]
}

/** Looks a placement up, `a.b[key=value].c` picking one element of the array `a.b`. */
function lookup(target: TargetName, classUid: number, path: string): { field: FieldLookup; problems: string[] } {
  const find = (at: string): FieldLookup => (target === 'ecs' ? ecsField(at) : ocsfField(classUid, at))
  const element = ELEMENT.exec(path)?.groups
  if (!element) return { field: find(path), problems: [] }
  const { array = '', key = '', value = '', rest = '' } = element
  const field = find(`${array}.${rest}`)
  const problems: string[] = []
  if (field.ok && !field.field.through.includes(array)) problems.push(`\`${array}\` is not an array of objects`)
  const selector = find(`${array}.${key}`)
  if (!selector.ok) problems.push(selector.error.reason)
  else problems.push(...checkValue(selector.field, /^\d+$/.test(value) ? Number(value) : value).map((problem) => problem.message))
  return { field, problems }
}

/** Whether values of an IR type fit a target field without a map (a date goes to OCSF as epoch milliseconds). */
function fits(irType: string, field: TargetField): boolean {
  switch (field.jsonType) {
    case 'any':
      return true
    case 'string':
      return ['string', 'ip', 'date'].includes(irType) && (irType !== 'date' || field.type === 'date' || field.type === 'datetime_t') && (field.type !== 'ip' && field.type !== 'ip_t' ? true : irType === 'ip')
    case 'integer':
      return ['integer', 'long', 'port'].includes(irType) || (irType === 'date' && field.type === 'timestamp_t')
    case 'number':
      return ['integer', 'long', 'number', 'float'].includes(irType)
    case 'boolean':
      return irType === 'boolean'
    case 'object':
      return false
  }
}

function mapProblems(map: ValueMap, field: TargetField): string[] {
  const outputs = [...Object.values(map.map), ...(map.default === undefined ? [] : [map.default])]
  return outputs.flatMap((value) => checkValue(field, field.array ? [value] : value).filter((problem) => problem.code !== 'expected').map((problem) => problem.message))
}

/** Every problem of the drafts against the definitions, as `dictionary: message` lines; [] when all is well. */
export function crosswalkProblems(ir: MappingIR): string[] {
  const problems: string[] = []
  for (const id of Object.keys(CLASSIFICATIONS)) if (!ir.dictionaries.some((dictionary) => dictionary.id === id)) problems.push(`${id}: classified but not in the library`)
  for (const dictionary of ir.dictionaries) {
    const say = (message: string): void => void problems.push(`${dictionary.id}: ${message}`)
    const classification = CLASSIFICATIONS[dictionary.id]
    if (!classification) {
      say('no classification')
      continue
    }
    const types = eventTypesOf(dictionary)
    for (const type of Object.keys(classification.byType ?? {})) if (!types.includes(type)) say(`byType names \`${type}\`, which the dictionary does not route`)
    for (const kind of eventKindsOf(dictionary)) {
      const label = kind.type === undefined ? '' : ` (${kind.type})`
      for (const problem of checkEcsCategorization(kind.ecs)) say(`${problem.message}${label}`)
      const found = ocsfClass(kind.ocsf.classUid)
      if (!found) {
        say(`no OCSF class ${kind.ocsf.classUid}${label}`)
        continue
      }
      if (!found.activities.some((activity) => activity.value === kind.ocsf.activityId)) say(`no activity ${kind.ocsf.activityId} in ${found.caption}${label}`)
      for (const target of ['ecs', 'ocsf'] as const) {
        for (const field of dictionary.fields) {
          if (!Object.hasOwn(FIELDS, field.name)) {
            if (target === 'ecs') say(`standard name \`${field.name}\` is not in the crosswalk`)
            continue
          }
          const path = placement(dictionary.id, kind.type, field.name, target)
          const map = VALUE_MAPS[field.name]?.[target]
          if (path) checkPlacement(target, found.uid, path, field.type, map, (message) => say(`${field.name} → ${target} \`${path}\`: ${message}${label}`))
          for (const derived of derivedOf(dictionary.id, field.name, target, path)) {
            checkPlacement(target, found.uid, derived.field, derived.derive ? 'string' : field.type, derived.map, (message) => say(`${field.name} → ${target} \`${derived.field}\`: ${message}${label}`))
          }
        }
        if (target === 'ecs') {
          for (const [path, names] of Object.entries(RELATED)) {
            for (const name of names.filter((candidate) => dictionary.fields.some((field) => field.name === candidate))) {
              const type = dictionary.fields.find((field) => field.name === name)?.type ?? 'string'
              checkPlacement('ecs', found.uid, path, type, undefined, (message) => say(`${name} → related \`${path}\`: ${message}`))
            }
          }
        }
        if (target === 'ocsf') for (const problem of requiredProblems(filledPaths(dictionary, kind), found.uid, classification.profiles)) say(`${problem}${label}`)
        for (const [path, value] of Object.entries(kind.constants[target])) {
          const { field } = lookup(target, found.uid, path)
          if (!field.ok) say(`constant ${target} \`${path}\`: ${field.error.reason}`)
          else for (const problem of checkValue(field.field, value)) say(`constant ${target} \`${path}\`: ${problem.message}`)
        }
      }
    }
  }
  return problems
}

/** The derived fields of a name in a dictionary and target, `~.` resolved against where the name is placed. */
export function derivedOf(dictionaryId: string, name: string, target: TargetName, path: string | null | undefined): Derived[] {
  const result: Derived[] = []
  for (const derived of DERIVED[name] ?? []) {
    if (derived.target !== target || (derived.only && !derived.only.includes(dictionaryId))) continue
    if (derived.under && !path?.startsWith(`${derived.under}.`)) continue
    if (derived.field.startsWith('~.')) {
      if (!path) continue
      result.push({ ...derived, field: `${path.slice(0, path.lastIndexOf('.'))}.${derived.field.slice(2)}` })
    } else result.push(derived)
  }
  return result
}

/** Every OCSF path a record of this kind of event may fill (element selectors kept), constants included. */
export function filledPaths(dictionary: DictionaryIR, kind: EventKind): string[] {
  const paths = new Set(Object.keys(kind.constants.ocsf))
  for (const name of ALWAYS_FILLED) paths.add(name)
  for (const field of dictionary.fields) {
    const path = placement(dictionary.id, kind.type, field.name, 'ocsf')
    if (path) paths.add(path)
    for (const derived of derivedOf(dictionary.id, field.name, 'ocsf', path)) paths.add(derived.field)
  }
  return [...paths]
}

/**
 * The required attributes of every object a record fills that no path fills
 * (`actor.process.file` without `name`), and the `at_least_one` groups of which none is filled.
 */
function requiredProblems(paths: readonly string[], classUid: number, profiles: readonly string[]): string[] {
  // `a.b[key=v].c` fills `a.b.c` and `a.b.key`.
  const plain = new Set<string>()
  for (const path of paths) {
    const element = ELEMENT.exec(path)?.groups
    if (element) {
      plain.add(`${element.array}.${element.rest}`)
      plain.add(`${element.array}.${element.key}`)
    } else plain.add(path)
  }
  const filled = (path: string): boolean => [...plain].some((candidate) => candidate === path || candidate.startsWith(`${path}.`))
  const objects = new Set<string>()
  for (const path of plain) {
    const segments = path.split('.')
    for (let length = 1; length < segments.length; length++) objects.add(segments.slice(0, length).join('.'))
  }
  const problems: string[] = []
  const constraints = ocsfClass(classUid)?.constraints ?? {}
  if (constraints.atLeastOne && !constraints.atLeastOne.some((name) => filled(name))) problems.push(`none of the class's {${constraints.atLeastOne.join(', ')}} is filled`)
  for (const object of [...objects].sort()) {
    const found = ocsfField(classUid, object)
    if (!found.ok || !found.field.objectType) continue
    for (const requirement of ocsfObjectRequirements(found.field.objectType, profiles)) {
      if (requirement.requirement === 'required' && !filled(`${object}.${requirement.name}`)) problems.push(`required \`${object}.${requirement.name}\` is not filled`)
    }
    const atLeastOne = ocsfObjectConstraints(found.field.objectType).atLeastOne
    if (atLeastOne && !atLeastOne.some((name) => filled(`${object}.${name}`))) problems.push(`none of \`${object}\`.{${atLeastOne.join(', ')}} is filled`)
  }
  return problems
}

function checkPlacement(target: TargetName, classUid: number, path: string, irType: string, map: ValueMap | undefined, say: (message: string) => void): void {
  const { field, problems } = lookup(target, classUid, path)
  for (const problem of problems) say(problem)
  if (!field.ok) return say(field.error.reason)
  if (map) for (const problem of mapProblems(map, field.field)) say(problem)
  else if (!fits(irType, field.field)) say(`a ${irType} does not fit ${target} type \`${field.field.type}\`${field.field.array ? ' (an array)' : ''}`)
}

/** OCSF attributes every record fills whatever the dictionary: the classification's ids, the constants' objects. */
const ALWAYS_FILLED = ['class_uid', 'category_uid', 'activity_id', 'type_uid', 'activity_name', 'class_name', 'category_name', 'type_name']

/** One row of the coverage table. */
export interface CoverageRow {
  readonly dictionary: string
  readonly ocsfClass: string
  readonly required: { readonly filled: number; readonly total: number; readonly missing: readonly string[] }
  readonly recommended: { readonly filled: number; readonly total: number; readonly missing: readonly string[] }
}

/**
 * The OCSF coverage of each dictionary: of the required and the recommended top-level
 * attributes of its class (with the profiles it declares), how many a crosswalk row, a
 * derived field or a constant fills; an enum id fills its caption (`status_id` → `status`).
 * A dictionary of several classes has a row per class.
 */
export function ocsfCoverage(ir: MappingIR): CoverageRow[] {
  const rows: CoverageRow[] = []
  for (const dictionary of [...ir.dictionaries].sort((a, b) => a.id.localeCompare(b.id))) {
    const classification = CLASSIFICATIONS[dictionary.id]
    if (!classification) continue
    const kinds = eventKindsOf(dictionary)
    for (const classUid of [...new Set(kinds.map((kind) => kind.ocsf.classUid))]) {
      const found = ocsfClass(classUid)
      if (!found) continue
      const filled = new Set(ALWAYS_FILLED)
      const mark = (path: string | null | undefined): void => {
        if (!path) return
        const attribute = path.split(/[.[]/)[0] ?? path
        filled.add(attribute)
        // An enum id fills its caption too (OCSF sibling pairs: status_id 1 gives status "Success").
        const found = ocsfField(classUid, attribute)
        if (found.ok && found.field.sibling && !found.field.sibling.includes('.')) filled.add(found.field.sibling)
      }
      // An attribute counts as filled when the events of at least one of the dictionary's types fill it.
      for (const kind of kinds.filter((candidate) => candidate.ocsf.classUid === classUid)) for (const path of filledPaths(dictionary, kind)) mark(path)
      const requirements = ocsfRequirements(classUid, classification.profiles)
      const count = (level: 'required' | 'recommended') => {
        const names = requirements.filter((requirement) => requirement.requirement === level).map((requirement) => requirement.name)
        const missing = names.filter((name) => !filled.has(name))
        return { filled: names.length - missing.length, total: names.length, missing }
      }
      rows.push({ dictionary: dictionary.id, ocsfClass: `${found.caption} (${found.uid})`, required: count('required'), recommended: count('recommended') })
    }
  }
  return rows
}

/** The coverage as the markdown table of dictionaries/README.md. */
export function renderCoverageTable(rows: readonly CoverageRow[]): string {
  const lines = ['| Dictionary | OCSF class | Required filled | Recommended filled | Recommended not filled |', '| --- | --- | --- | --- | --- |']
  for (const row of rows) {
    const missing = row.recommended.missing.length === 0 ? '' : row.recommended.missing.map((name) => `\`${name}\``).join(', ')
    const required = `${row.required.filled} / ${row.required.total}${row.required.missing.length > 0 ? ` (not: ${row.required.missing.map((name) => `\`${name}\``).join(', ')})` : ''}`
    lines.push(`| \`${row.dictionary}\` | ${row.ocsfClass} | ${required} | ${row.recommended.filled} / ${row.recommended.total} | ${missing} |`)
  }
  return lines.join('\n')
}

/** The classification of every dictionary, one row per kind of event, as a markdown table. */
export function renderClassificationTable(ir: MappingIR): string {
  const lines = ['| Dictionary | SentinelOne type | ECS kind / category / type | OCSF class / activity |', '| --- | --- | --- | --- |']
  for (const dictionary of [...ir.dictionaries].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const kind of eventKindsOf(dictionary)) {
      const found = ocsfClass(kind.ocsf.classUid)
      const activity = found?.activities.find((candidate) => candidate.value === kind.ocsf.activityId)?.caption ?? '?'
      const ecs = `${kind.ecs.kind} / ${kind.ecs.category.join(', ')} / ${kind.ecs.type.join(', ')}`
      lines.push(`| \`${dictionary.id}\` | ${kind.type ?? '(all)'} | ${ecs} | ${found?.caption ?? '?'} (${kind.ocsf.classUid}) / ${activity} (${kind.ocsf.activityId}) |`)
    }
  }
  return lines.join('\n')
}

/** The judgment calls, one line per dictionary that has one. */
export function renderJudgmentList(): string {
  return Object.entries(CLASSIFICATIONS)
    .filter(([, classification]) => classification.judgment)
    .map(([id, classification]) => `- \`${id}\`: ${classification.judgment}`)
    .join('\n')
}

/** Every standard name of the library with its ECS field and OCSF attribute (default placement; `—` left out). */
export function renderCrosswalkTable(ir: MappingIR): string {
  const names = [...new Set(ir.dictionaries.flatMap((dictionary) => dictionary.fields.map((field) => field.name)))].sort()
  const cell = (value: string | null | undefined, name: string, target: TargetName): string => {
    const map = VALUE_MAPS[name]?.[target] ? ' (mapped)' : ''
    const derived = (DERIVED[name] ?? []).filter((entry) => entry.target === target).map((entry) => `\`${entry.field}\``)
    const main = value ? `\`${value}\`${map}` : '—'
    return derived.length > 0 ? `${main}; also ${derived.join(', ')}` : main
  }
  const lines = ['| Standard Name | ECS | OCSF | Overridden in | Why left out (`—`) |', '| --- | --- | --- | --- | --- |']
  for (const name of names) {
    const [ecs, ocsf] = FIELDS[name] ?? [undefined, undefined]
    const overridden = Object.entries(OVERRIDES).filter(([, overrides]) => overrides[name]).map(([id]) => `\`${id}\``)
    const byType = Object.entries(TYPE_OVERRIDES).filter(([, types]) => Object.values(types).some((overrides) => overrides[name])).map(([id]) => `\`${id}\` (by type)`)
    const missing = [ecs ? '' : 'ECS', ocsf ? '' : 'OCSF'].filter(Boolean).join(' and ')
    const why = missing === '' ? '' : `${missing}: ${LEFT_OUT.find(([part]) => name.includes(part))?.[1] ?? ''}`
    lines.push(`| \`${name}\` | ${cell(ecs, name, 'ecs')} | ${cell(ocsf, name, 'ocsf')} | ${[...overridden, ...byType].join(', ')} | ${why} |`)
  }
  return lines.join('\n')
}
