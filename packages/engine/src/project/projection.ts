import type { DictionaryIR, ProjectionIR, SchemaIR, ValueIR } from '@mapdown/ir'
import type { RecordMetadata } from '../core/types.js'
import { DERIVE } from './derive.js'
import { copyJson } from './json.js'
import { valueMapper } from './value-map.js'

/** Reads one value of a target field from a mapped (standard names) record; `undefined` is no value. */
type Reader = (record: Readonly<Record<string, unknown>>) => unknown

/** A projected record's key: a nested object, the metadata, or a field filled by the first candidate with a value. */
interface Node {
  readonly key: string
  readonly children: Node[] | undefined
  readonly candidates: Reader[]
  /** On the metadata's path: written last in its object. */
  metadata: boolean
  /** The container the metadata is written into as string labels (`metadataForm: 'labels'`). */
  labels: boolean
}

/** Turns one dictionary's mapped record and its metadata into the schema's nested record. */
export type Projector = (record: Readonly<Record<string, unknown>>, metadata: unknown) => Record<string, unknown>

/**
 * One projector per dictionary (in the order given) for a schema: the
 * assignments become a tree of target keys, built once, so that mapping an
 * event only reads values and writes the keys that have one (an object with
 * nothing in it is left out). When several assignments write the same target,
 * the first with a value wins. The metadata object goes at the schema's
 * `metadata` path, after everything else.
 */
export function schemaProjectors(schema: SchemaIR, dictionaries: readonly DictionaryIR[]): Projector[] {
  const byDictionary = new Map<string, ProjectionIR>(schema.projections.map((projection) => [projection.dictionary, projection]))
  return dictionaries.map((dictionary) => projector(byDictionary.get(dictionary.id)?.assignments ?? [], schema.metadata, schema.metadataForm === 'labels'))
}

function projector(assignments: ProjectionIR['assignments'], metadataPath: readonly string[], asLabels: boolean): Projector {
  const roots: Node[] = []
  for (const assignment of assignments) {
    const read = readerOf(assignment.value)
    const map = assignment.map ? valueMapper(assignment.map) : undefined
    nodeAt(roots, assignment.target).candidates.push(map ? (record) => map(read(record)) : read)
  }
  // Every node on the metadata's path is marked, so that each is the last key of its object.
  // As labels, the metadata path is a container (the crosswalk may write other labels into it).
  nodeAt(roots, asLabels ? [...metadataPath, ''] : metadataPath)
  let level: Node[] = roots
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
  return (record, metadata) => build(roots, record, metadata) ?? {}
}

/** The node of a target path, created (in first-written order) when new. */
function nodeAt(roots: Node[], path: readonly string[]): Node {
  let level = roots
  let node: Node | undefined
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

function build(nodes: readonly Node[], record: Readonly<Record<string, unknown>>, metadata: unknown): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined
  let last: Node | undefined
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

function valueOf(node: Node, record: Readonly<Record<string, unknown>>, metadata: unknown): unknown {
  if (node.labels) return Object.assign(build(node.children!, record, metadata) ?? {}, metadataLabels(metadata as RecordMetadata))
  if (node.children) return build(node.children, record, metadata)
  for (const read of node.candidates) {
    const value = read(record)
    if (value !== undefined) return value
  }
  return undefined
}

/** The metadata as string labels (ECS `labels` takes keyword values only): the issues as JSON text. */
function metadataLabels(metadata: RecordMetadata): Record<string, string> {
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
      const constant = value.value
      return constant !== null && typeof constant === 'object' ? () => copyJson(constant) : () => (constant === null ? undefined : constant)
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
