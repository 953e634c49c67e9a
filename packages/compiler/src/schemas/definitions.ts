import type { AssignmentIR, DictionaryIR, FieldType, JsonValue, TargetValueIR, ValueIR, ValueMapIR } from '@mapdown/ir'
import { checkEcsCategorization, checkValue, isTargetName, ocsfClass, ocsfRequirements, targetField, type TargetField, type TargetName, type ValueProblem } from '@mapdown/schemas'
import type { FileContext } from '../context.js'
import { didYouMean } from '../did-you-mean.js'
import type { TableCell } from '../markdown/tables.js'
import { schemaDocumentInvalid } from '../rules/schema-document-invalid.js'
import { schemaEnumIdUnknown } from '../rules/schema-enum-id-unknown.js'
import { schemaFieldUnknown } from '../rules/schema-field-unknown.js'
import { schemaRequiredMissing } from '../rules/schema-required-missing.js'
import { schemaValueNotAllowed } from '../rules/schema-value-not-allowed.js'
import { schemaValueType } from '../rules/schema-value-type.js'
import type { PlacedAssignment } from './build-schema.js'
import type { SchemaDraft } from './read-document.js'

/** The target a schema is checked against, or undefined (reported) when its `definitions` names none. */
export function definitionsOf(ctx: FileContext, draft: SchemaDraft): TargetName | undefined {
  if (isTargetName(draft.definitions)) return draft.definitions
  // A schema named after no known target and without `definitions:` is simply not checked.
  if (draft.definitions !== draft.name) schemaDocumentInvalid.report(ctx, 'definitions', { name: draft.definitions, known: 'ecs, ocsf' }, draft.namePosition)
  return undefined
}

/** The OCSF class of a projection: its `class_uid` constant. */
export function classOf(placed: readonly PlacedAssignment[]): number | undefined {
  const entry = placed.find((candidate) => candidate.assignment.target.join('.') === 'class_uid' && candidate.assignment.value.kind === 'constant')
  const value = entry?.assignment.value.kind === 'constant' ? entry.assignment.value.value : undefined
  return typeof value === 'number' ? value : undefined
}

/** The OCSF profiles a projection declares (`metadata.profiles` constant). */
export function profilesOf(placed: readonly PlacedAssignment[]): string[] {
  const entry = placed.find((candidate) => candidate.assignment.target.join('.') === 'metadata.profiles' && candidate.assignment.value.kind === 'constant')
  const value = entry?.assignment.value.kind === 'constant' ? entry.assignment.value.value : undefined
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/**
 * OCSF sibling pairs: an `*_id` filled by a constant, a value map or a number
 * fills its `*_name` sibling with the enum caption (an id of 99, Other, keeps the
 * raw source value), unless a row writes the sibling itself.
 */
export function addSiblings(placed: PlacedAssignment[], classUid: number, dictionary: DictionaryIR): void {
  const types = new Map(dictionary.fields.map((field) => [field.name, field.type]))
  const written = new Set(placed.map((entry) => entry.assignment.target.join('.')))
  for (const entry of [...placed]) {
    const lookup = targetField('ocsf', entry.assignment.target.join('.'), { class: classUid })
    if (!lookup.ok || !lookup.field.sibling || !lookup.field.allowed) continue
    const sibling = lookup.field.sibling
    if (written.has(sibling)) continue
    const captions = new Map(lookup.field.allowed.map((allowed) => [allowed.value, allowed.caption]))
    // The raw name for Other (99) is the source value when it is text; a number or a boolean gets the caption.
    const rawIsText = sourceType(entry.assignment.value, types)?.json === 'string'
    const caption = (to: TargetValueIR): TargetValueIR | undefined => {
      if (!('value' in to)) return rawIsText ? to : undefined
      if (to.value === 99 && rawIsText) return { keep: true }
      const text = typeof to.value === 'number' || typeof to.value === 'string' ? captions.get(to.value) : undefined
      return text === undefined ? undefined : { value: text }
    }
    const { assignment } = entry
    let added: AssignmentIR | undefined
    if (assignment.value.kind === 'constant' && !assignment.map) {
      const to = caption({ value: assignment.value.value })
      if (to && 'value' in to) added = { target: sibling.split('.'), value: { kind: 'constant', value: to.value } }
    } else {
      // A map composed with the captions, or (a number read as it is) a map of every id.
      const map: ValueMapIR = assignment.map
        ? {
            ...assignment.map,
            name: `${assignment.map.name} (${sibling})`,
            entries: assignment.map.entries.flatMap((mapEntry) => {
              const to = caption(mapEntry.to)
              return to ? [{ from: mapEntry.from, to }] : []
            }),
          }
        : { name: `${lookup.field.path} captions`, entries: lookup.field.allowed.filter((allowed) => allowed.value !== 99).map((allowed) => ({ from: String(allowed.value), to: { value: allowed.caption } })) }
      const fallback = assignment.map?.default ? caption(assignment.map.default) : undefined
      if (fallback) (map as { default?: TargetValueIR }).default = fallback
      else delete (map as { default?: TargetValueIR }).default
      // A raw name for 99 needs the source value, which is the id itself for a bare number: no default there.
      added = { target: sibling.split('.'), value: assignment.value, map }
    }
    if (!added) continue
    written.add(sibling)
    placed.splice(placed.indexOf(entry) + 1, 0, { assignment: added, target: entry.target, value: entry.value, computed: true })
  }
}

/** What a projection is checked in: the target, the OCSF class, where to report once. */
interface CheckContext {
  readonly ctx: FileContext
  readonly draft: SchemaDraft
  readonly target: TargetName
  readonly classUid: number | undefined
  readonly className: string | undefined
  readonly dictionary: DictionaryIR
  readonly reported: Set<string>
}

const reportedByDraft = new WeakMap<SchemaDraft, Set<string>>()

/**
 * Checks one dictionary's projection against the target's definitions: every
 * target field exists, constants and map results fit it, standard names and
 * derivations have its type, ECS categorisation, OCSF required attributes. A
 * `## Fields` row is in many projections: each message is reported once.
 */
export function checkProjection(ctx: FileContext, draft: SchemaDraft, target: TargetName, dictionary: DictionaryIR, placed: readonly PlacedAssignment[], heading: TableCell['position'] | undefined): void {
  let reported = reportedByDraft.get(draft)
  if (!reported) reportedByDraft.set(draft, (reported = new Set()))
  const classUid = target === 'ocsf' ? classOf(placed) : undefined
  const className = classUid === undefined ? undefined : ocsfClass(classUid)?.name
  const check: CheckContext = { ctx, draft, target, classUid, className, dictionary, reported }
  if (target === 'ocsf' && (classUid === undefined || className === undefined)) {
    once(check, heading ?? draft.namePosition, 'noClass', () => schemaFieldUnknown.report(ctx, 'noClass', { dictionary: dictionary.id }, heading ?? draft.namePosition))
    return
  }
  const types = new Map(dictionary.fields.map((field) => [field.name, field.type]))
  for (const entry of placed) {
    if (entry.computed) continue
    const path = entry.assignment.target.join('.')
    const lookup = targetField(target, path, classUid === undefined ? {} : { class: classUid })
    if (!lookup.ok) {
      const suggestion = didYouMean(lookup.error.segment, lookup.error.candidates)
      const where = whereText(check)
      const data = { target: path, where, reason: lookup.error.reason }
      once(check, entry.target.position, `unknown ${path}${where}`, () =>
        suggestion === undefined
          ? schemaFieldUnknown.report(ctx, 'unknownNoSuggestion', data, entry.target.position)
          : schemaFieldUnknown.report(ctx, 'unknown', { ...data, suggestion: lookup.error.known === '' ? suggestion : `${lookup.error.known}.${suggestion}` }, entry.target.position),
      )
      continue
    }
    const field = lookup.field
    const { assignment } = entry
    if (assignment.value.kind === 'constant' && !assignment.map) {
      checkConstant(check, field, assignment.value.value, entry.value ?? entry.target)
    } else if (assignment.map) {
      const map = check.draft.maps.get(assignment.map.name)
      for (const mapEntry of map?.entries ?? []) if ('value' in mapEntry.to) checkConstant(check, field, mapEntry.to.value, mapEntry.toCell)
      if (map?.default && 'value' in map.default && map.defaultCell) checkConstant(check, field, map.default.value, map.defaultCell)
    } else {
      checkSource(check, field, assignment.value, types, entry.target)
    }
  }
  if (target === 'ecs') checkCategorization(check, placed)
  if (target === 'ocsf' && classUid !== undefined) checkRequired(check, placed, heading ?? draft.namePosition)
}

function whereText(check: CheckContext): string {
  return check.className === undefined ? '' : ` in OCSF class \`${check.className}\``
}

/** Runs `report` unless the same message was already reported at the same place. */
function once(check: CheckContext, position: TableCell['position'], key: string, report: () => void): void {
  const full = `${position.start.line}:${position.start.column} ${key}`
  if (check.reported.has(full)) return
  check.reported.add(full)
  report()
}

function checkConstant(check: CheckContext, field: TargetField, value: JsonValue, cell: TableCell): void {
  const problems: ValueProblem[] = [...checkValue(field, value)]
  if (field.array && !Array.isArray(value) && problems.length === 0) {
    problems.push({ code: 'type', actual: JSON.stringify(value), expected: 'a list', message: `Unexpected single value \`${JSON.stringify(value)}\` for \`${field.path}\`, expected a list (\`[${JSON.stringify(value)}]\`)` })
  }
  const where = whereText(check)
  for (const problem of problems) {
    const data = { problem: problem.message, where }
    once(check, cell.position, `${problem.message}${where}`, () => {
      if (problem.code === 'allowed' && field.target === 'ocsf' && typeof value === 'number') schemaEnumIdUnknown.report(check.ctx, 'unknown', data, cell.position)
      else if (problem.code === 'allowed') schemaValueNotAllowed.report(check.ctx, 'allowed', data, cell.position)
      else if (problem.code === 'expected') schemaValueNotAllowed.report(check.ctx, 'expected', data, cell.position)
      else schemaValueType.report(check.ctx, 'value', data, cell.position)
    })
  }
}

/** The JSON type a standard name or derivation yields (and whether a list), or undefined when unknown. */
function sourceType(value: ValueIR, types: ReadonlyMap<string, FieldType>): { json: 'string' | 'integer' | 'number' | 'boolean' | 'date'; array: boolean } | undefined {
  switch (value.kind) {
    case 'constant':
      return undefined
    case 'field': {
      const type = types.get(value.name) as string | undefined
      if (type === undefined) return undefined
      const json = type === 'integer' || type === 'long' || type === 'port' ? 'integer' : type === 'float' ? 'number' : type === 'boolean' ? 'boolean' : type === 'date' ? 'date' : 'string'
      return { json, array: false }
    }
    case 'derive':
      if (value.fn === 'epoch_ms') return { json: 'integer', array: false }
      if (value.fn === 'unique' || value.fn === 'coalesce') {
        const args = value.args.map((arg) => sourceType(arg, types))
        const first = args[0]
        if (!first || args.some((arg) => arg?.json !== first.json)) return undefined
        return { json: first.json, array: value.fn === 'unique' || first.array }
      }
      return { json: 'string', array: false }
  }
}

function checkSource(check: CheckContext, field: TargetField, value: ValueIR, types: ReadonlyMap<string, FieldType>, cell: TableCell): void {
  const source = sourceType(value, types)
  if (!source || field.jsonType === 'any' || field.freeForm) return
  const text = describeSource(value)
  const fits =
    source.json === field.jsonType ||
    (source.json === 'integer' && field.jsonType === 'number') ||
    (source.json === 'date' && field.jsonType === 'string')
  let hint = ''
  if (!fits && source.json === 'date' && field.jsonType === 'integer') hint = `: write \`epoch_ms(${text})\``
  if (fits && source.array === field.array) return
  if (fits && !source.array && field.array) hint = `: write \`unique(${text})\``
  const actual = `${source.array ? 'a list of ' : ''}${source.json === 'date' ? 'date (ISO 8601 string)' : source.json}${source.array ? 's' : ''}`
  const expected = `${field.array ? 'a list of ' : ''}${field.jsonType}${field.array ? 's' : ''}`
  const where = whereText(check)
  once(check, cell.position, `source ${text} ${field.path}${where}`, () =>
    schemaValueType.report(check.ctx, 'source', { actual, source: text, target: field.path, targetType: `${field.target} \`${field.type}\``, where, expected, hint }, cell.position),
  )
}

function describeSource(value: ValueIR): string {
  if (value.kind === 'field') return value.name
  if (value.kind === 'constant') return JSON.stringify(value.value)
  return `${value.fn}(${value.args.map(describeSource).join(', ')})`
}

/** ECS: every `event.type` must be expected by one of the event's categories. */
function checkCategorization(check: CheckContext, placed: readonly PlacedAssignment[]): void {
  const constant = (path: string): PlacedAssignment | undefined =>
    placed.find((entry) => entry.assignment.target.join('.') === path && entry.assignment.value.kind === 'constant' && !entry.assignment.map)
  const valueOf = (entry: PlacedAssignment | undefined): JsonValue | undefined => (entry?.assignment.value.kind === 'constant' ? entry.assignment.value.value : undefined)
  const asList = (value: JsonValue | undefined): string[] | undefined => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string'))
  const kind = valueOf(constant('event.kind'))
  const typeEntry = constant('event.type')
  const category = asList(valueOf(constant('event.category')))
  const type = asList(valueOf(typeEntry))
  if (!category || !type || !typeEntry) return
  for (const problem of checkEcsCategorization({ ...(typeof kind === 'string' ? { kind } : {}), category, type })) {
    if (problem.field !== 'event.type') continue
    const cell = typeEntry.value ?? typeEntry.target
    once(check, cell.position, `categorization ${problem.message}`, () => schemaValueNotAllowed.report(check.ctx, 'categorization', { problem: problem.message, dictionary: check.dictionary.id }, cell.position))
  }
}

/** The top-level attributes a projection fills (computed ones included). */
export function filledAttributes(placed: readonly { readonly assignment: AssignmentIR }[]): Set<string> {
  return new Set(placed.map((entry) => entry.assignment.target[0]!))
}

function checkRequired(check: CheckContext, placed: readonly PlacedAssignment[], heading: TableCell['position']): void {
  const filled = filledAttributes(placed)
  const missing = ocsfRequirements(check.classUid!, profilesOf(placed))
    .filter((requirement) => requirement.requirement === 'required' && !filled.has(requirement.name))
    .map((requirement) => requirement.name)
  if (missing.length === 0) return
  const names = missing.map((name) => `\`${name}\``).join(', ')
  once(check, heading, `required ${check.dictionary.id}`, () =>
    schemaRequiredMissing.report(
      check.ctx,
      'missing',
      { plural: missing.length === 1 ? '' : 's', names, className: check.className!, dictionary: check.dictionary.id, them: missing.length === 1 ? 'it' : 'them' },
      heading,
    ),
  )
}
