import { ECS_VERSION, ecsField, ecsFieldNames, ecsFlatEntry, isEcsObjectArray } from '../ecs/definitions.js'
import { leafSchema, objectSchema, type JsonSchema } from './value.js'

interface Node {
  readonly children: Map<string, Node>
  name?: string
}

/**
 * The JSON Schema (draft-07) of an ECS document as mapdown writes it: nested objects from the
 * flat names (`process.parent.pid` → process → parent → pid), no key ECS does not define (but
 * any key in the containers ECS leaves open, such as `labels`), each leaf typed, arrays where
 * ECS normalises to an array (`event.category`, `related.ip`), allowed values enforced
 * (`event.kind`, `event.category`, `event.type`, `event.outcome`), `@timestamp` and
 * `ecs.version` required.
 */
export function ecsJsonSchema(): JsonSchema {
  const root: Node = { children: new Map() }
  for (const name of ecsFieldNames()) {
    let node = root
    for (const segment of name.split('.')) {
      let child = node.children.get(segment)
      if (!child) {
        child = { children: new Map() }
        node.children.set(segment, child)
      }
      node = child
    }
    node.name = name
  }
  const required = ecsFieldNames().filter((name) => ecsFlatEntry(name)?.required === true)
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://mapdown.dev/schemas/ecs-${ECS_VERSION}.json`,
    title: `ECS ${ECS_VERSION} document`,
    ...nodeSchema(root, required),
  }
}

function nodeSchema(node: Node, required: readonly string[], prefix = ''): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  for (const [segment, child] of node.children) properties[segment] = childSchema(child, required, prefix === '' ? segment : `${prefix}.${segment}`)
  // A required field makes each object on its way required (`ecs.version` → `ecs` at the top).
  const start = prefix === '' ? '' : `${prefix}.`
  const here = required.filter((name) => name.startsWith(start)).map((name) => name.slice(start.length).split('.')[0] ?? '')
  return objectSchema(properties, [...new Set(here)])
}

function childSchema(node: Node, required: readonly string[], path: string): JsonSchema {
  const entry = node.name === undefined ? undefined : ecsFlatEntry(node.name)
  if (node.children.size > 0) {
    // A field set (`source`) or a container with fields defined below it (`dns.answers`).
    const object = nodeSchema(node, required, path)
    return entry && isEcsObjectArray(entry) ? { type: 'array', items: object } : object
  }
  if (entry && (entry.type === 'object' || entry.type === 'flattened' || entry.type === 'nested')) {
    // An open container: any key, with the declared value type if there is one (`labels`: keyword).
    const open: JsonSchema = entry.object_type === 'keyword' ? { type: 'object', additionalProperties: { type: 'string' } } : { type: 'object' }
    return isEcsObjectArray(entry) ? { type: 'array', items: open } : open
  }
  const lookup = ecsField(path)
  if (!lookup.ok) throw new Error(`ECS field ${path} listed but not found: ${lookup.error.reason}`)
  return leafSchema(lookup.field)
}
