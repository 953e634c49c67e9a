import type { AllowedValue, FieldLookup, JsonType, Requirement, TargetField } from '../types.js'
import { IP_PATTERN } from '../patterns.js'
import { ocsfExtract, type OcsfAttribute, type OcsfClassEntry, type OcsfConstraints, type OcsfTypeEntry } from './extract.js'

/** The OCSF version of the extract. */
export const OCSF_VERSION: string = ocsfExtract.version

/** An OCSF event class with its category, as the compiled schema gives it. */
export interface OcsfClass {
  /** The class name in the schema, with its extension prefix: `process_activity`, `win/registry_key_activity`. */
  readonly name: string
  readonly uid: number
  readonly caption: string
  readonly category: { readonly name: string; readonly uid: number; readonly caption: string }
  /** The profiles an event of this class may declare in `metadata.profiles`. */
  readonly profiles: readonly string[]
  /** `at_least_one` / `just_one` over top-level attributes, as the schema states them. */
  readonly constraints: { readonly atLeastOne?: readonly string[]; readonly justOne?: readonly string[] }
  /** The class's `activity_id` enum (`1` Launch, `2` Terminate, ... for Process Activity). */
  readonly activities: readonly AllowedValue[]
}

/** One attribute with its requirement, for coverage and "required attribute not filled" checks. */
export interface OcsfRequirement {
  readonly name: string
  readonly requirement: Exclude<Requirement, 'optional'>
  readonly profile?: string
}

/**
 * A class by its name (`process_activity`, `win/registry_key_activity`, or without the extension
 * prefix when unambiguous: `registry_key_activity`), its uid (`1007`, `'1007'`), or its caption
 * (`Process Activity`). Undefined when there is none.
 */
export function ocsfClass(ref: string | number): OcsfClass | undefined {
  const name = className(ref)
  if (name === undefined) return undefined
  const entry = ocsfExtract.classes[name]
  if (!entry) return undefined
  const category = categoryOf(entry)
  if (!category) return undefined
  return {
    name,
    uid: entry.uid,
    caption: entry.caption,
    category,
    profiles: entry.profiles,
    constraints: constraintsOf(entry.constraints),
    activities: enumValues(entry.attributes['activity_id']?.enum),
  }
}

/** Every event class by name, `base_event` (uid 0) included. */
export function ocsfClassNames(): readonly string[] {
  return Object.keys(ocsfExtract.classes).sort()
}

// `base_event` has no category in the extract; its `category_uid` enum says 0, Uncategorized.
function categoryOf(entry: OcsfClassEntry): OcsfClass['category'] | undefined {
  if (entry.category !== null) {
    const category = ocsfExtract.categories[entry.category]
    return category ? { name: entry.category, uid: category.uid, caption: category.caption } : undefined
  }
  const [uid, caption] = Object.entries(entry.attributes['category_uid']?.enum ?? {})[0] ?? []
  return uid === undefined || caption === undefined ? undefined : { name: 'uncategorized', uid: Number(uid), caption }
}

function className(ref: string | number): string | undefined {
  const text = String(ref).trim()
  const classes = ocsfExtract.classes
  if (Object.hasOwn(classes, text)) return text
  const matches = Object.keys(classes).filter((name) => {
    const entry = classes[name] as OcsfClassEntry
    return String(entry.uid) === text || entry.caption === text || name.slice(name.indexOf('/') + 1) === text
  })
  return matches.length === 1 ? matches[0] : undefined
}

/** `type_uid` as OCSF defines it: class_uid × 100 + activity_id. */
export function ocsfTypeUid(classUid: number, activityId: number): number {
  return classUid * 100 + activityId
}

/**
 * The attribute at a dotted path in an event of a class (`actor.process.pid`,
 * `src_endpoint.ip`, `file.hashes.value`), walking objects, or why there is none. Arrays of
 * objects are walked through (their element's attributes) and listed in `through`.
 */
export function ocsfField(classRef: string | number, path: string): FieldLookup {
  const name = className(classRef)
  const entry = name === undefined ? undefined : ocsfExtract.classes[name]
  if (name === undefined || !entry) {
    return { ok: false, error: { known: '', segment: String(classRef), reason: `Unknown OCSF class \`${String(classRef)}\``, candidates: ocsfClassNames() } }
  }
  const segments = path.split('.')
  let attributes = entry.attributes
  let container = `class \`${name}\``
  const through: string[] = []
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] ?? ''
    const known = segments.slice(0, index).join('.')
    const attribute = Object.hasOwn(attributes, segment) ? attributes[segment] : undefined
    if (!attribute) {
      return {
        ok: false,
        error: { known, segment, reason: `Unknown OCSF attribute \`${path}\`: no \`${segment}\` in ${container}${known ? ` (at \`${known}\`)` : ''}`, candidates: Object.keys(attributes).sort() },
      }
    }
    const here = segments.slice(0, index + 1).join('.')
    if (index === segments.length - 1) return { ok: true, field: toField(path, attribute, segments.slice(0, index), through) }
    const objectName = attribute.object_type
    if (objectName === 'object') {
      // `unmapped` and other free-form objects: any key below is accepted.
      return { ok: true, field: { target: 'ocsf', path, type: 'json_t', jsonType: 'any', array: false, through, freeForm: true } }
    }
    const object = objectName === undefined ? undefined : ocsfExtract.objects[objectName]
    if (!object) {
      return { ok: false, error: { known: here, segment: segments[index + 1] ?? '', reason: `Unknown OCSF attribute \`${path}\`: \`${here}\` is of type \`${attribute.type}\`, not an object`, candidates: [] } }
    }
    if (attribute.is_array) through.push(here)
    attributes = object.attributes
    container = `object \`${objectName}\``
  }
  throw new Error('unreachable: a path has at least one segment')
}

/** What one attribute says as a field (for the JSON Schema generator, which walks objects itself). */
export function ocsfAttributeField(path: string, attribute: OcsfAttribute): TargetField {
  return toField(path, attribute, [], [])
}

function toField(path: string, attribute: OcsfAttribute, parent: readonly string[], through: readonly string[]): TargetField {
  const base = baseType(attribute.type)
  const allowed = attribute.enum ? enumValues(attribute.enum) : undefined
  const maxLength = lookupTypeChain(attribute.type, (entry) => entry.max_len ?? undefined)
  const range = lookupTypeChain(attribute.type, (entry) => entry.range ?? undefined)
  // `ip_t`'s regex in the schema leaves its dots unescaped (`1x2x3x4` passes): ours is the strict form.
  const pattern = typeChain(attribute.type).includes('ip_t') ? IP_PATTERN : lookupTypeChain(attribute.type, (entry) => entry.regex ?? undefined)
  return {
    target: 'ocsf',
    path,
    type: attribute.type,
    jsonType: attribute.object_type !== undefined ? 'object' : JSON_TYPES[base] ?? 'any',
    array: attribute.is_array ?? false,
    through,
    requirement: attribute.requirement,
    ...(allowed ? { allowed } : {}),
    ...(attribute.profile ? { profile: attribute.profile } : {}),
    ...(attribute.sibling ? { sibling: [...parent, attribute.sibling].join('.') } : {}),
    ...(attribute.object_type ? { objectType: attribute.object_type } : {}),
    ...(pattern ? { pattern } : {}),
    ...(maxLength !== undefined ? { maxLength } : {}),
    ...(range ? { range } : {}),
    ...(attribute.deprecated ? { deprecated: true } : {}),
  }
}

const JSON_TYPES: Readonly<Record<string, JsonType>> = {
  string_t: 'string',
  integer_t: 'integer',
  long_t: 'integer',
  float_t: 'number',
  boolean_t: 'boolean',
  json_t: 'any',
}

/** The primitive an OCSF type derives from (`ip_t` → `string_t`, `timestamp_t` → `long_t`): the last of its chain. */
function baseType(name: string): string {
  return typeChain(name).at(-1) ?? name
}

/** The first value `pick` finds along a type and the types it derives from (`port_t` → its own range). */
function lookupTypeChain<T>(name: string, pick: (entry: OcsfTypeEntry) => T | undefined): T | undefined {
  for (const current of typeChain(name)) {
    const entry = ocsfExtract.types[current]
    const value = entry ? pick(entry) : undefined
    if (value !== undefined) return value
  }
  return undefined
}

/** A type and the types it derives from, nearest first (`timestamp_t`, `long_t`). */
function typeChain(name: string): string[] {
  const chain = [name]
  for (let current = ocsfExtract.types[name]?.type; current && chain.length < 8; current = ocsfExtract.types[current]?.type) chain.push(current)
  return chain
}

/** An enum's values: integer ids for `*_id` attributes, the key itself for string enums (`http_method` `GET`). */
function enumValues(values: Readonly<Record<string, string>> | undefined): AllowedValue[] {
  if (!values) return []
  const entries = Object.entries(values)
  if (!entries.every(([id]) => /^-?\d+$/.test(id))) return entries.map(([value, caption]) => ({ value, caption }))
  return entries.map(([id, caption]) => ({ value: Number(id), caption })).sort((a, b) => a.value - b.value)
}

/**
 * The required and recommended top-level attributes of a class. Attributes of a profile count
 * only when the event declares that profile (`profiles`), as OCSF states.
 */
export function ocsfRequirements(classRef: string | number, profiles: readonly string[] = []): OcsfRequirement[] {
  const name = className(classRef)
  const entry = name === undefined ? undefined : ocsfExtract.classes[name]
  return entry ? requirementsOf(entry.attributes, profiles) : []
}

/** The required and recommended attributes of an OCSF object (`metadata` → `product`, `version`, ...), profiles as for classes. */
export function ocsfObjectRequirements(objectName: string, profiles: readonly string[] = []): OcsfRequirement[] {
  const entry = Object.hasOwn(ocsfExtract.objects, objectName) ? ocsfExtract.objects[objectName] : undefined
  return entry ? requirementsOf(entry.attributes, profiles) : []
}

/** The `at_least_one` / `just_one` constraints of an OCSF object (`process`: at least one of pid, uid, cpid). */
export function ocsfObjectConstraints(objectName: string): OcsfClass['constraints'] {
  const entry = Object.hasOwn(ocsfExtract.objects, objectName) ? ocsfExtract.objects[objectName] : undefined
  return constraintsOf(entry?.constraints ?? null)
}

function constraintsOf(constraints: OcsfConstraints): OcsfClass['constraints'] {
  return {
    ...(constraints?.at_least_one ? { atLeastOne: constraints.at_least_one } : {}),
    ...(constraints?.just_one ? { justOne: constraints.just_one } : {}),
  }
}

function requirementsOf(attributes: Readonly<Record<string, OcsfAttribute>>, profiles: readonly string[]): OcsfRequirement[] {
  const result: OcsfRequirement[] = []
  for (const [attribute, definition] of Object.entries(attributes)) {
    if (definition.requirement === 'optional' || definition.deprecated) continue
    if (definition.profile && !profiles.includes(definition.profile)) continue
    result.push({ name: attribute, requirement: definition.requirement, ...(definition.profile ? { profile: definition.profile } : {}) })
  }
  return result.sort((a, b) => a.name.localeCompare(b.name))
}
