// A small reference projection of the crosswalk drafts: a record of standard names (what
// `mapdown map` writes by default) → the ECS document or OCSF event the drafts describe.
// It exists to test the drafts end to end (dictionaries/test/crosswalk-records.test.ts
// validates its output against the JSON Schemas of @mapdown/schemas); the engine's
// `--schema` is the real implementation, and this is the oracle to compare it with.

import type { DictionaryIR } from '@mapdown/ir'
import { looseKey } from '@mapdown/engine'
import { ecsField, ocsfClass, ocsfField, ocsfTypeUid, type TargetName } from '@mapdown/schemas'
import { derivedOf, eventKindsOf, placement, type EventKind } from './crosswalk-check.js'
import { RELATED, VALUE_MAPS, type Derivation, type ValueMap } from './crosswalk-values.js'

type Json = Record<string, unknown>

const ELEMENT = /^(?<array>[^[]+)\[(?<key>[a-z_]+)=(?<value>[^\]]+)\]\.(?<rest>.+)$/

/** The kind of event a record is, from its `event_type` (compared as routing compares it). */
export function kindOf(dictionary: DictionaryIR, record: Json): EventKind | undefined {
  const kinds = eventKindsOf(dictionary)
  if (kinds.length === 1 && kinds[0]?.type === undefined) return kinds[0]
  const type = typeof record.event_type === 'string' ? looseKey(record.event_type) : undefined
  return kinds.find((kind) => kind.type !== undefined && looseKey(kind.type) === type)
}

/** The record in a target, or undefined when its dictionary or kind is not classified. */
export function projectRecord(dictionary: DictionaryIR, record: Json, target: TargetName): Json | undefined {
  const kind = kindOf(dictionary, record)
  if (!kind) return undefined
  const out: Json = {}
  const classUid = kind.ocsf.classUid
  const put = (path: string, value: unknown): void => {
    const lookup = target === 'ecs' ? ecsField(path.replace(/\[[^\]]*\]/g, '')) : ocsfField(classUid, path.replace(/\[[^\]]*\]/g, ''))
    if (!lookup.ok) throw new Error(`${dictionary.id}: ${lookup.error.reason}`)
    let converted = value
    if (target === 'ocsf' && lookup.field.type === 'timestamp_t' && typeof value === 'string') converted = Date.parse(value)
    if (lookup.field.array && !Array.isArray(converted)) converted = [converted]
    setPath(out, path, converted)
  }
  for (const [name, value] of Object.entries(record)) {
    if (name === '@mapdown' || value === undefined || value === null) continue
    const path = placement(dictionary.id, kind.type, name, target)
    const map = VALUE_MAPS[name]?.[target]
    if (path) {
      const mapped = map ? applyMap(map, value) : value
      if (mapped !== undefined) put(path, mapped)
    }
    for (const derived of derivedOf(dictionary.id, name, target, path)) {
      const result = derived.map ? applyMap(derived.map, value) : derived.derive ? derive(derived.derive, String(value)) : value
      if (result !== undefined) put(derived.field, result)
    }
  }
  for (const [path, value] of Object.entries(kind.constants[target])) put(path, value)
  if (target === 'ecs') {
    put('event.kind', kind.ecs.kind)
    put('event.category', kind.ecs.category)
    put('event.type', kind.ecs.type)
    for (const [path, names] of Object.entries(RELATED)) {
      const values = [...new Set(names.map((name) => record[name]).filter((value): value is string => typeof value === 'string').map((value) => (path === 'related.user' ? derive('user', value) : value)))]
      if (values.length > 0) put(path, values)
    }
  } else {
    const found = ocsfClass(classUid)
    put('class_uid', classUid)
    put('category_uid', found?.category.uid)
    put('activity_id', kind.ocsf.activityId)
    put('type_uid', ocsfTypeUid(classUid, kind.ocsf.activityId))
  }
  return out
}

function applyMap(map: ValueMap, value: unknown): unknown {
  const key = looseKey(String(value))
  for (const [from, to] of Object.entries(map.map)) if (looseKey(from) === key) return to
  return map.default
}

/** The closed set of derivations: basename and directory of a Windows or POSIX path, `DOMAIN\user` split, lower-case. */
export function derive(derivation: Derivation, value: string): string {
  const cut = Math.max(value.lastIndexOf('\\'), value.lastIndexOf('/'))
  const slash = value.indexOf('\\')
  switch (derivation) {
    case 'basename':
      return value.slice(cut + 1)
    case 'dirname':
      return cut < 0 ? '' : value.slice(0, cut)
    case 'user':
      return slash < 0 ? value : value.slice(slash + 1)
    case 'domain':
      return slash < 0 ? '' : value.slice(0, slash)
    case 'lower':
      return value.toLowerCase()
  }
}

function setPath(out: Json, path: string, value: unknown): void {
  const element = ELEMENT.exec(path)?.groups
  if (element) {
    const { array = '', key = '', value: selector = '', rest = '' } = element
    const list = (getOrCreate(out, array, () => []) as Json[])
    const id: unknown = /^\d+$/.test(selector) ? Number(selector) : selector
    let item = list.find((candidate) => candidate[key] === id)
    if (!item) {
      item = { [key]: id }
      list.push(item)
    }
    setPath(item, rest, value)
    return
  }
  const segments = path.split('.')
  const last = segments.pop() ?? ''
  const parent = segments.length === 0 ? out : (getOrCreate(out, segments.join('.'), () => ({})) as Json)
  parent[last] = value
}

function getOrCreate(out: Json, path: string, create: () => unknown): unknown {
  let node: Json = out
  const segments = path.split('.')
  for (const [index, segment] of segments.entries()) {
    if (!(segment in node)) node[segment] = index === segments.length - 1 ? create() : {}
    node = node[segment] as Json
  }
  return node
}
