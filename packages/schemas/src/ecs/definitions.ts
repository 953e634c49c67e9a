import { EcsFlat, EcsVersion } from '@elastic/ecs'
import type { AllowedValue, FieldLookup, JsonType, TargetField } from '../types.js'
import { IP_PATTERN } from '../patterns.js'

// ECS comes from Elastic's own package (`@elastic/ecs`, Apache-2.0): `EcsFlat` holds every
// field by its flat name with its type, `normalize` (array), `allowed_values` (and, for
// `event.category`, the `expected_event_types` of each category) and `expected_values`.

export interface EcsFlatField {
  readonly flat_name: string
  readonly type: string
  readonly normalize?: readonly string[]
  readonly object_type?: string
  readonly allowed_values?: readonly { readonly name: string; readonly expected_event_types?: readonly string[] }[]
  readonly expected_values?: readonly string[]
  readonly required?: boolean
}

const flat = EcsFlat as unknown as Readonly<Record<string, EcsFlatField>>

/** The ECS version the definitions come from (`@elastic/ecs`'s `EcsVersion`). */
export const ECS_VERSION: string = EcsVersion

/** ECS field types whose value is a JSON object (or a list of them, `nested`). */
const OBJECT_TYPES: ReadonlySet<string> = new Set(['object', 'flattened', 'nested'])

const JSON_TYPES: Readonly<Record<string, JsonType>> = {
  keyword: 'string',
  constant_keyword: 'string',
  wildcard: 'string',
  match_only_text: 'string',
  text: 'string',
  ip: 'string',
  date: 'string',
  long: 'integer',
  integer: 'integer',
  short: 'integer',
  byte: 'integer',
  unsigned_long: 'integer',
  float: 'number',
  double: 'number',
  half_float: 'number',
  scaled_float: 'number',
  boolean: 'boolean',
  object: 'object',
  flattened: 'object',
  nested: 'object',
  geo_point: 'any',
}

/** ECS's `date` as mapdown writes it: an ISO 8601 date-time (Elasticsearch's default `strict_date_optional_time`). */
export const ECS_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(?:[Tt ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:[Zz]|[+-]\\d{2}:?\\d{2})?)?$'

function toField(path: string, entry: EcsFlatField, through: readonly string[], freeForm: boolean): TargetField {
  const allowed: AllowedValue[] | undefined = entry.allowed_values?.map((value) => ({ value: value.name, caption: value.name }))
  const pattern = entry.type === 'ip' ? IP_PATTERN : entry.type === 'date' ? ECS_DATE_PATTERN : undefined
  return {
    target: 'ecs',
    path,
    type: entry.type,
    // Below an open container without a declared value type, a key holds anything.
    jsonType: freeForm && entry.type === 'flattened' ? 'any' : JSON_TYPES[entry.type] ?? 'any',
    array: entry.normalize?.includes('array') ?? false,
    through,
    ...(allowed ? { allowed } : {}),
    ...(entry.expected_values ? { expected: entry.expected_values } : {}),
    ...(pattern ? { pattern } : {}),
    ...(freeForm ? { freeForm: true } : {}),
  }
}

/**
 * The ECS field at a flat path (`source.ip`, `process.parent.pid`, `event.category`), or why
 * there is none. Below an `object`/`flattened`/`nested` field that ECS leaves open (no fields
 * defined under it: `labels`, `container.labels`, `*.entity.raw`) any key is accepted, typed by
 * the container's `object_type` (keyword for `labels`). A path below an array of objects
 * (`dns.answers.name`, `threat.enrichments.indicator.type`) lists that array in `through`.
 */
export function ecsField(path: string): FieldLookup {
  const segments = path.split('.')
  const through = arraysAbove(segments)
  const entry = Object.hasOwn(flat, path) ? flat[path] : undefined
  if (entry) return { ok: true, field: toField(path, entry, through, false) }
  for (let length = segments.length - 1; length > 0; length--) {
    const prefix = segments.slice(0, length).join('.')
    const container = Object.hasOwn(flat, prefix) ? flat[prefix] : undefined
    if (!container) continue
    if (OBJECT_TYPES.has(container.type) && childNames(prefix).length === 0) {
      const type = container.object_type ?? 'flattened'
      return { ok: true, field: toField(path, { flat_name: path, type }, arraysAbove(segments.slice(0, length)), true) }
    }
    if (!OBJECT_TYPES.has(container.type)) {
      return unknown(path, prefix, segments[length] ?? '', `\`${prefix}\` is a leaf of type \`${container.type}\`, it has no \`${segments[length] ?? ''}\``)
    }
    break
  }
  // The longest prefix that some field starts with, to say where the path went wrong.
  let known = ''
  for (let length = segments.length - 1; length > 0; length--) {
    const prefix = segments.slice(0, length).join('.')
    if (childNames(prefix).length > 0) {
      known = prefix
      break
    }
  }
  const segment = segments[known === '' ? 0 : known.split('.').length] ?? ''
  return unknown(path, known, segment, known === '' ? `no ECS field set \`${segment}\`` : `no ECS field \`${segment}\` under \`${known}\``)
}

/** Whether an ECS field holds a list of objects (`nested`, or an `object` normalised to an array: `dns.answers`). */
export function isEcsObjectArray(entry: { readonly type: string; readonly normalize?: readonly string[] }): boolean {
  return entry.type === 'nested' || (entry.type === 'object' && (entry.normalize?.includes('array') ?? false))
}

/** The proper prefixes of a path that are arrays of objects. */
function arraysAbove(segments: readonly string[]): string[] {
  const result: string[] = []
  for (let length = 1; length < segments.length; length++) {
    const prefix = segments.slice(0, length).join('.')
    const entry = Object.hasOwn(flat, prefix) ? flat[prefix] : undefined
    if (entry && isEcsObjectArray(entry)) result.push(prefix)
  }
  return result
}

function unknown(path: string, known: string, segment: string, reason: string): FieldLookup {
  return { ok: false, error: { known, segment, reason: `Unknown ECS field \`${path}\`: ${reason}`, candidates: childNames(known) } }
}

/** The names directly below a prefix (`''` for the top level), from every flat name. */
function childNames(prefix: string): string[] {
  const names = new Set<string>()
  const start = prefix === '' ? '' : `${prefix}.`
  for (const name of Object.keys(flat)) {
    if (!name.startsWith(start)) continue
    const next = name.slice(start.length).split('.')[0]
    if (next) names.add(next)
  }
  return [...names].sort()
}

/** Every ECS field, by flat name (leaves and containers), sorted. */
export function ecsFieldNames(): readonly string[] {
  return Object.keys(flat).sort()
}

/** The raw `EcsFlat` entry of a field, for the JSON Schema generator. */
export function ecsFlatEntry(name: string): EcsFlatField | undefined {
  return Object.hasOwn(flat, name) ? flat[name] : undefined
}

/** The `event.type`s ECS expects with one `event.category` (`network` → access, allowed, connection, ...), or undefined for an unknown category. */
export function ecsEventTypesFor(category: string): readonly string[] | undefined {
  return flat['event.category']?.allowed_values?.find((value) => value.name === category)?.expected_event_types
}

/** One problem with an ECS categorisation. */
export interface EcsCategorizationProblem {
  readonly field: 'event.kind' | 'event.category' | 'event.type'
  readonly value: string
  readonly message: string
}

/**
 * Checks an event's categorisation against ECS: `event.kind` and each `event.category` and
 * `event.type` among the allowed values, and each `event.type` expected by at least one of the
 * categories (ECS: "the event.type values expected with this category").
 */
export function checkEcsCategorization(value: { kind?: string; category?: readonly string[]; type?: readonly string[] }): EcsCategorizationProblem[] {
  const problems: EcsCategorizationProblem[] = []
  const allowedOf = (path: string): string[] => flat[path]?.allowed_values?.map((entry) => entry.name) ?? []
  const list = (values: readonly string[]): string => values.map((name) => `\`${name}\``).join(', ')
  if (value.kind !== undefined && !allowedOf('event.kind').includes(value.kind)) {
    problems.push({ field: 'event.kind', value: value.kind, message: `Unexpected \`${value.kind}\` for \`event.kind\`, expected one of ${list(allowedOf('event.kind'))}` })
  }
  const categories = value.category ?? []
  for (const category of categories) {
    if (!allowedOf('event.category').includes(category)) {
      problems.push({ field: 'event.category', value: category, message: `Unexpected \`${category}\` for \`event.category\`, expected one of ${list(allowedOf('event.category'))}` })
    }
  }
  for (const type of value.type ?? []) {
    if (!allowedOf('event.type').includes(type)) {
      problems.push({ field: 'event.type', value: type, message: `Unexpected \`${type}\` for \`event.type\`, expected one of ${list(allowedOf('event.type'))}` })
      continue
    }
    const known = categories.filter((category) => ecsEventTypesFor(category))
    if (known.length > 0 && !known.some((category) => ecsEventTypesFor(category)?.includes(type))) {
      const expected = [...new Set(known.flatMap((category) => ecsEventTypesFor(category) ?? []))]
      problems.push({ field: 'event.type', value: type, message: `Unexpected \`${type}\` for \`event.type\` with \`event.category\` ${list(known)}, expected one of ${list(expected)}` })
    }
  }
  return problems
}
