import type { TargetField } from '../types.js'

/** A JSON Schema (draft-07) as a plain object. */
export type JsonSchema = { readonly [keyword: string]: unknown }

/** The schema of one value of a field (one element when the field is an array): type, closed set, pattern, length, range. */
export function elementSchema(field: TargetField): JsonSchema {
  const schema: Record<string, unknown> = {}
  if (field.jsonType !== 'any') schema.type = field.jsonType
  if (field.allowed) schema.enum = field.allowed.map((allowed) => allowed.value)
  if (field.pattern) schema.pattern = field.pattern
  if (field.maxLength !== undefined) schema.maxLength = field.maxLength
  if (field.range) {
    schema.minimum = field.range[0]
    schema.maximum = field.range[1]
  }
  return schema
}

/** The schema of a leaf field: its element, or a list of them when the target says the field is an array. */
export function leafSchema(field: TargetField): JsonSchema {
  const element = elementSchema(field)
  return field.array ? { type: 'array', items: element } : element
}

/** An object with these properties, no others, these required, and these `at_least_one` / `just_one` groups. */
export function objectSchema(
  properties: Readonly<Record<string, JsonSchema>>,
  required: readonly string[],
  constraints: { readonly atLeastOne?: readonly string[]; readonly justOne?: readonly string[] } = {},
): JsonSchema {
  const schema: Record<string, unknown> = { type: 'object', properties, additionalProperties: false }
  if (required.length > 0) schema.required = [...required]
  const groups: JsonSchema[] = []
  if (constraints.atLeastOne?.length) groups.push({ anyOf: constraints.atLeastOne.map(presence) })
  if (constraints.justOne?.length) groups.push({ oneOf: constraints.justOne.map(presence) })
  if (groups.length === 1) Object.assign(schema, groups[0])
  else if (groups.length > 1) schema.allOf = groups
  return schema
}

/** "This path is present": `device.hostname` → { required: [device], properties: { device: { required: [hostname] } } }. */
function presence(path: string): JsonSchema {
  const [head = '', ...rest] = path.split('.')
  return rest.length === 0 ? { required: [head] } : { required: [head], properties: { [head]: presence(rest.join('.')) } }
}
