import type { AssignmentIR, DictionaryIR, JsonValue, ProjectionIR, SchemaIR, TargetValueIR, ValueMapIR } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { schemaDictionaryUnknown } from '../rules/schema-dictionary-unknown.js'
import { schemaStandardNameUnknown } from '../rules/schema-standard-name-unknown.js'
import { schemaTargetConflict } from '../rules/schema-target-conflict.js'
import { schemaValueMapUnknown } from '../rules/schema-value-map-unknown.js'
import { addSiblings, checkProjection, classOf, definitionsOf } from './definitions.js'
import { expressionFor, expressionText, namesOf } from './expression.js'
import type { ConstantRow, CrosswalkRow, MapDraft, SchemaDraft } from './read-document.js'

/** Where each assignment of a projection was written, for the checks against the definitions. */
export interface PlacedAssignment {
  readonly assignment: AssignmentIR
  /** The Target Field cell (its row), and the Value cell of a constant. */
  readonly target: ConstantRow['targetCell']
  readonly value: ConstantRow['valueCell'] | undefined
  /** Added by the compiler (type_uid, sibling names), not written by hand. */
  readonly computed: boolean
}

export interface BuiltProjection {
  readonly dictionary: DictionaryIR
  readonly placed: PlacedAssignment[]
  /** The `## Dictionary` heading, when the schema has one for this dictionary. */
  readonly section: SchemaDraft['dictionaries'][number] | undefined
}

/**
 * A schema's projection of every dictionary: constants (the dictionary's over
 * the schema's), then the dictionary's overrides, then the `## Fields` rows that
 * no override replaces, each kept when the dictionary has the names it reads.
 * Reports unknown names, maps and dictionaries, and targets through one another.
 */
export function buildProjections(ctx: FileContext, draft: SchemaDraft, dictionaries: readonly DictionaryIR[]): BuiltProjection[] {
  const known = new Map(dictionaries.map((dictionary) => [dictionary.id, new Set(dictionary.fields.map((field) => field.name))]))
  const allNames = new Set([...known.values()].flatMap((names) => [...names]))
  const maps = compiledMaps(draft)
  const target = definitionsOf(ctx, draft)
  checkRows(ctx, draft, draft.fields, allNames, maps)
  for (const section of draft.dictionaries) {
    const names = known.get(section.id)
    if (!names) {
      schemaDictionaryUnknown.report(ctx, 'unknown', { id: section.id }, section.position)
      continue
    }
    checkRows(ctx, draft, section.overrides, names, maps, section.id)
  }
  return dictionaries.map((dictionary) => {
    const fields = known.get(dictionary.id)!
    const section = draft.dictionaries.find((entry) => entry.id === dictionary.id)
    const placed: PlacedAssignment[] = []
    const constants = new Map<string, ConstantRow>()
    for (const row of [...draft.constants, ...(section?.constants ?? [])]) constants.set(row.target.join('.'), row)
    for (const row of constants.values()) {
      placed.push({ assignment: { target: row.target, value: { kind: 'constant', value: row.value } }, target: row.targetCell, value: row.valueCell, computed: false })
    }
    const overrides = section?.overrides ?? []
    const replaced = new Set(overrides.map((row) => expressionText(row.expression)))
    const rows = [...overrides, ...draft.fields.filter((row) => !replaced.has(expressionText(row.expression)))]
    for (const row of rows) {
      if (!row.target) continue
      const value = expressionFor(row.expression, fields)
      if (!value) continue
      if (row.mapName !== undefined && !maps.has(row.mapName)) continue
      const map = row.mapName === undefined ? undefined : maps.get(row.mapName)
      placed.push({ assignment: map ? { target: row.target, value, map } : { target: row.target, value }, target: row.targetCell, value: undefined, computed: false })
    }
    if (target === 'ocsf') {
      addTypeUid(placed)
      const classUid = classOf(placed)
      if (classUid !== undefined) addSiblings(placed, classUid, dictionary)
    }
    checkTargets(ctx, draft, dictionary.id, placed)
    if (target) checkProjection(ctx, draft, target, dictionary, placed, section?.position)
    return { dictionary, placed, section }
  })
}

/** The IR of a schema from its projections. */
export function schemaIr(draft: SchemaDraft, source: string, projections: readonly BuiltProjection[]): SchemaIR {
  return {
    name: draft.name,
    title: draft.title,
    description: draft.description,
    version: draft.version,
    source,
    metadata: draft.metadata,
    ...(draft.metadataLabels ? { metadataForm: 'labels' as const } : {}),
    projections: projections
      .map((projection): ProjectionIR => ({ dictionary: projection.dictionary.id, assignments: projection.placed.map((entry) => entry.assignment) }))
      .sort((a, b) => (a.dictionary < b.dictionary ? -1 : a.dictionary > b.dictionary ? 1 : 0)),
  }
}

function compiledMaps(draft: SchemaDraft): Map<string, ValueMapIR> {
  const maps = new Map<string, ValueMapIR>()
  for (const [name, map] of draft.maps) maps.set(name, valueMapIr(map))
  return maps
}

function valueMapIr(map: MapDraft): ValueMapIR {
  const entries = map.entries.map((entry) => ({ from: entry.from, to: entry.to }))
  return {
    name: map.name,
    ...(map.compare === 'loose' ? { compare: 'loose' as const } : {}),
    entries,
    ...(map.default ? { default: map.default } : {}),
  }
}

/** Unknown value maps (errors) and standard names no dictionary in scope has (warnings). */
function checkRows(ctx: FileContext, draft: SchemaDraft, rows: readonly CrosswalkRow[], names: ReadonlySet<string>, maps: ReadonlyMap<string, ValueMapIR>, dictionary?: string): void {
  for (const row of rows) {
    if (row.mapName !== undefined && !maps.has(row.mapName)) {
      schemaValueMapUnknown.report(ctx, 'unknown', { name: row.mapName, known: [...draft.maps.keys()].join(', ') || 'none' }, row.mapCell?.position)
    }
    for (const name of new Set(namesOf(row.expression))) {
      if (names.has(name)) continue
      if (dictionary === undefined) schemaStandardNameUnknown.report(ctx, 'unknown', { name }, row.expressionCell.position)
      else schemaStandardNameUnknown.report(ctx, 'notInDictionary', { name, dictionary }, row.expressionCell.position)
    }
  }
}

/**
 * OCSF `type_uid` = `class_uid` × 100 + `activity_id`: from a constant class
 * and a constant or mapped activity (the map composed entry by entry, so the
 * engine only sees a map), unless something writes `type_uid` already.
 */
function addTypeUid(placed: PlacedAssignment[]): void {
  const at = (name: string): PlacedAssignment | undefined => placed.find((entry) => entry.assignment.target.length === 1 && entry.assignment.target[0] === name)
  if (at('type_uid')) return
  const classRow = at('class_uid')
  const activityRow = at('activity_id')
  const classValue = classRow?.assignment.value.kind === 'constant' ? classRow.assignment.value.value : undefined
  if (typeof classValue !== 'number' || !activityRow) return
  const uid = (activity: JsonValue): JsonValue | undefined => (typeof activity === 'number' ? classValue * 100 + activity : undefined)
  const activity = activityRow.assignment
  let assignment: AssignmentIR | undefined
  if (activity.value.kind === 'constant' && !activity.map) {
    const value = uid(activity.value.value)
    if (value !== undefined) assignment = { target: ['type_uid'], value: { kind: 'constant', value } }
  } else if (activity.map) {
    const compose = (to: TargetValueIR): TargetValueIR | undefined => {
      if (!('value' in to)) return undefined
      const value = uid(to.value)
      return value === undefined ? undefined : { value }
    }
    const entries = activity.map.entries.flatMap((entry) => {
      const to = compose(entry.to)
      return to ? [{ from: entry.from, to }] : []
    })
    const fallback = activity.map.default ? compose(activity.map.default) : undefined
    const map: ValueMapIR = { ...activity.map, name: `${activity.map.name} (type_uid)`, entries, ...(fallback ? { default: fallback } : {}) }
    if (!fallback) delete (map as { default?: unknown }).default
    assignment = { target: ['type_uid'], value: activity.value, map }
  }
  if (assignment) placed.splice(placed.indexOf(activityRow) + 1, 0, { assignment, target: activityRow.target, value: activityRow.value, computed: true })
}

const reportedConflicts = new WeakMap<SchemaDraft, Set<string>>()

/** A target that another one runs through (`process` and `process.pid`), or that is the metadata path. */
function checkTargets(ctx: FileContext, draft: SchemaDraft, dictionary: string, placed: readonly PlacedAssignment[]): void {
  const leaves = new Map<string, PlacedAssignment>()
  for (const entry of placed) if (!leaves.has(entry.assignment.target.join('.'))) leaves.set(entry.assignment.target.join('.'), entry)
  const metadata = draft.metadata.join('.')
  let reported = reportedConflicts.get(draft)
  if (!reported) reportedConflicts.set(draft, (reported = new Set()))
  for (const [key, entry] of leaves) {
    // A `## Fields` row is in every dictionary's projection: report it once.
    const cell = `${entry.target.position.start.line}:${entry.target.position.start.column}`
    if (reported.has(cell)) continue
    if (entry.computed) continue
    if (key === metadata) {
      schemaTargetConflict.report(ctx, 'metadata', { target: key, metadata }, entry.target.position)
      reported.add(cell)
      continue
    }
    const parts = entry.assignment.target
    for (let length = 1; length < parts.length; length++) {
      const other = parts.slice(0, length).join('.')
      if (leaves.has(other) || (other === metadata && !draft.metadataLabels)) {
        schemaTargetConflict.report(ctx, 'through', { target: key, dictionary, other }, entry.target.position)
        reported.add(cell)
        break
      }
    }
  }
}
