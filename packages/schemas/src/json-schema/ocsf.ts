import { OCSF_VERSION, ocsfAttributeField, ocsfClass, ocsfObjectConstraints } from '../ocsf/definitions.js'
import { ocsfExtract, type OcsfAttribute } from '../ocsf/extract.js'
import { leafSchema, objectSchema, type JsonSchema } from './value.js'

/**
 * The JSON Schema (draft-07) of an OCSF event of one class: its attributes and no others,
 * objects by `$ref` to `definitions` (only those reachable), each leaf typed (integer ids
 * from their enum, `class_uid` and `category_uid` fixed by it, `ip_t` and the other typed
 * strings by pattern), arrays where OCSF says `is_array`, required attributes and the
 * `at_least_one` / `just_one` constraints of the class and its objects. Attributes of a
 * profile are allowed always, required only when the profile is in `profiles` (the event
 * declares it in `metadata.profiles`). Undefined for an unknown class.
 */
export function ocsfJsonSchema(classRef: string | number, profiles: readonly string[] = []): JsonSchema | undefined {
  const found = ocsfClass(classRef)
  const entry = found ? ocsfExtract.classes[found.name] : undefined
  if (!found || !entry) return undefined
  const definitions: Record<string, JsonSchema> = {}
  const pending: string[] = []
  const reference = (objectName: string): JsonSchema => {
    const key = definitionKey(objectName)
    if (!Object.hasOwn(definitions, key) && !pending.includes(objectName)) pending.push(objectName)
    return { $ref: `#/definitions/${key}` }
  }
  const body = attributesSchema(entry.attributes, profiles, found.constraints, reference)
  for (let objectName = pending.shift(); objectName !== undefined; objectName = pending.shift()) {
    const key = definitionKey(objectName)
    if (Object.hasOwn(definitions, key)) continue
    const object = ocsfExtract.objects[objectName]
    if (!object) throw new Error(`OCSF object ${objectName} is referenced but not defined in the extract`)
    definitions[key] = attributesSchema(object.attributes, profiles, ocsfObjectConstraints(objectName), reference)
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    // One $id per class and profile set: a validator compiles both into one ajv instance.
    $id: `https://mapdown.dev/schemas/ocsf-${OCSF_VERSION}/${found.name}${profiles.length > 0 ? `.${[...profiles].sort().join('+')}` : ''}.json`,
    title: `OCSF ${OCSF_VERSION} ${found.caption} (${found.uid})`,
    ...body,
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
  }
}

// `win/reg_key` → `win.reg_key`: a slash would have to be escaped in the `$ref` pointer.
function definitionKey(objectName: string): string {
  return objectName.replace('/', '.')
}

function attributesSchema(
  attributes: Readonly<Record<string, OcsfAttribute>>,
  profiles: readonly string[],
  constraints: { readonly atLeastOne?: readonly string[]; readonly justOne?: readonly string[] },
  reference: (objectName: string) => JsonSchema,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const [name, attribute] of Object.entries(attributes)) {
    properties[name] = attributeSchema(name, attribute, reference)
    if (attribute.requirement === 'required' && !attribute.deprecated && (!attribute.profile || profiles.includes(attribute.profile))) required.push(name)
  }
  return objectSchema(properties, required, constraints)
}

function attributeSchema(name: string, attribute: OcsfAttribute, reference: (objectName: string) => JsonSchema): JsonSchema {
  const objectName = attribute.object_type
  if (objectName === undefined) return leafSchema(ocsfAttributeField(name, attribute))
  // `object` (as in `unmapped`) is OCSF's free-form object.
  const element = objectName === 'object' ? { type: 'object' } : reference(objectName)
  return attribute.is_array ? { type: 'array', items: element } : element
}
