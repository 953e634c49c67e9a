import type { AssignmentIR, DictionaryIR, ProjectionIR, SchemaIR, ValueIR } from '@mapdown/ir'
import type { RecordMetadata } from '../core/types.js'
import { DERIVE } from './derive.js'
import { constantReader, prepareConstant } from './json.js'
import { valueMapper } from './value-map.js'

/** Reads one value of a target field from a mapped (standard names) record; `undefined` is no value. */
type Reader = (record: Readonly<Record<string, unknown>>) => unknown

/** One way to fill a target field: an assignment of the IR, and its interpreted reader (with the value map applied). */
export interface Candidate {
  readonly assignment: AssignmentIR
  readonly read: Reader
}

/** A projected record's key: a nested object, the metadata, or a field filled by the first candidate with a value. */
export interface ProjectionNode {
  readonly key: string
  readonly children: ProjectionNode[] | undefined
  readonly candidates: Candidate[]
  /** On the metadata's path: written last in its object. */
  metadata: boolean
  /** The container the metadata is written into as string labels (`metadataForm: 'labels'`). */
  labels: boolean
}

/** Turns one dictionary's mapped record and its metadata into the schema's nested record. */
export type Projector = (record: Readonly<Record<string, unknown>>, metadata: unknown) => Record<string, unknown>

/**
 * One dictionary's projection for a schema as a tree of target keys, built
 * once: the assignments in first-written order, several candidates for a
 * target that several assignments write (the first with a value wins), and
 * the nodes on the metadata's path marked, so that each is the last key of
 * its object. Both the interpreter and the generated projection walk it.
 */
export function projectionTree(assignments: ProjectionIR['assignments'], metadataPath: readonly string[], asLabels: boolean): ProjectionNode[] {
  const roots: ProjectionNode[] = []
  for (const assignment of assignments) {
    const read = readerOf(assignment.value)
    const map = assignment.map ? valueMapper(assignment.map) : undefined
    nodeAt(roots, assignment.target).candidates.push({ assignment, read: map ? (record) => map(read(record)) : read })
  }
  // As labels, the metadata path is a container (the crosswalk may write other labels into it).
  nodeAt(roots, asLabels ? [...metadataPath, ''] : metadataPath)
  let level: ProjectionNode[] = roots
  for (const key of metadataPath) {
    const node = level.find((candidate) => candidate.key === key)!
    node.metadata = true
    level = node.children ?? []
  }
  if (asLabels) {
    const container = nodeAt(roots, metadataPath)
    container.children!.splice(container.children!.findIndex((child) => child.key === ''), 1)
    container.labels = true
  }
  return roots
}

/** The tree of each dictionary (in the order given) for a schema; a dictionary without a projection gets the metadata only. */
export function schemaTrees(schema: SchemaIR, dictionaries: readonly DictionaryIR[]): ProjectionNode[][] {
  const byDictionary = new Map<string, ProjectionIR>(schema.projections.map((projection) => [projection.dictionary, projection]))
  return dictionaries.map((dictionary) => projectionTree(byDictionary.get(dictionary.id)?.assignments ?? [], schema.metadata, schema.metadataForm === 'labels'))
}

/**
 * The reference projection: walks the tree for each record, reading values
 * and writing the keys that have one (an object with nothing in it is left
 * out). The metadata object goes at the schema's `metadata` path, after
 * everything else.
 */
export function interpretedProjector(roots: readonly ProjectionNode[]): Projector {
  return (record, metadata) => build(roots, record, metadata) ?? {}
}

/** The node of a target path, created (in first-written order) when new. */
function nodeAt(roots: ProjectionNode[], path: readonly string[]): ProjectionNode {
  let level = roots
  let node: ProjectionNode | undefined
  path.forEach((key, index) => {
    node = level.find((candidate) => candidate.key === key)
    if (!node) {
      node = { key, children: index < path.length - 1 ? [] : undefined, candidates: [], metadata: false, labels: false }
      level.push(node)
    }
    if (index < path.length - 1) {
      // The IR validation refuses a target that is also another one's parent, so a leaf is never extended.
      if (!node.children) throw new Error(`target ${path.join('.')} runs through the value ${path.slice(0, index + 1).join('.')}`)
      level = node.children
    }
  })
  return node!
}

function build(nodes: readonly ProjectionNode[], record: Readonly<Record<string, unknown>>, metadata: unknown): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined
  let last: ProjectionNode | undefined
  for (const node of nodes) {
    if (node.metadata) {
      last = node
      continue
    }
    const value = valueOf(node, record, metadata)
    if (value !== undefined) (out ??= {})[node.key] = value
  }
  // The metadata is the last key of its object, as `@mapdown` is of a standard-names record.
  if (last) {
    const value = last.children ? valueOf(last, record, metadata) : metadata
    if (value !== undefined) (out ??= {})[last.key] = value
  }
  return out
}

function valueOf(node: ProjectionNode, record: Readonly<Record<string, unknown>>, metadata: unknown): unknown {
  if (node.labels) return Object.assign(build(node.children!, record, metadata) ?? {}, metadataLabels(metadata as RecordMetadata))
  if (node.children) return build(node.children, record, metadata)
  for (const candidate of node.candidates) {
    const value = candidate.read(record)
    if (value !== undefined) return value
  }
  return undefined
}

/** The metadata as string labels (ECS `labels` takes keyword values only): the issues as JSON text. */
export function metadataLabels(metadata: RecordMetadata): Record<string, string> {
  const labels: Record<string, string> = { mapdown_dictionary: metadata.dictionary, mapdown_rule: metadata.rule, mapdown_log_type: metadata.logType }
  if (metadata.issues) labels['mapdown_issues'] = JSON.stringify(metadata.issues)
  return labels
}

/** A reader for a value expression: null (`emitNull`) counts as no value. */
export function readerOf(value: ValueIR): Reader {
  switch (value.kind) {
    case 'field': {
      const name = value.name
      return (record) => {
        const found = Object.hasOwn(record, name) ? record[name] : undefined
        return found === null ? undefined : found
      }
    }
    case 'constant': {
      // A null constant writes nothing; an array or object is a fresh copy for each record.
      if (value.value === null) return () => undefined
      const read = constantReader(prepareConstant(value.value))
      return () => read()
    }
    case 'derive': {
      const fn = DERIVE[value.fn]
      const args = value.args.map(readerOf)
      if (args.length === 1) {
        const [only] = args as [Reader]
        return (record) => fn([only(record)])
      }
      return (record) => fn(args.map((read) => read(record)))
    }
  }
}
