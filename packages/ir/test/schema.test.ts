import { describe, expect, it } from 'vitest'
import * as ir from '@mapdown/ir'

describe('@mapdown/ir', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(ir).sort()).toEqual(['DERIVATIONS', 'FIELD_TYPES', 'FIELD_TYPE_NAMES', 'FIELD_TYPE_REGISTRY', 'IR_VERSION', 'RESERVED_KEY', 'RESERVED_NAMES', 'irJsonSchema'])
  })

  it('should describe the same version and field types in the schema as in the types (run `pnpm --filter @mapdown/ir build` to rewrite the schema)', () => {
    const schema = ir.irJsonSchema as {
      $id: string
      title: string
      properties: { irVersion: { const: number } }
      definitions: { field: { properties: { type: { enum: string[] } } } }
    }
    expect(schema.properties.irVersion.const).toBe(ir.IR_VERSION)
    expect(schema.$id).toBe(`https://mapdown.dev/schema/ir-${ir.IR_VERSION}.json`)
    expect(schema.title).toBe(`mapdown mapping IR, version ${ir.IR_VERSION}`)
    expect(schema.definitions.field.properties.type.enum).toEqual([...ir.FIELD_TYPES])
  })

  it('should refuse in the schema exactly the reserved names, the metadata key first', () => {
    const schema = ir.irJsonSchema as { definitions: { field: { properties: { name: { not: { enum: string[] } } } } } }
    expect(schema.definitions.field.properties.name.not.enum).toEqual([...ir.RESERVED_NAMES])
    expect(ir.RESERVED_NAMES[0]).toBe(ir.RESERVED_KEY)
    expect(Object.isFrozen(ir.RESERVED_NAMES)).toBe(true)
  })
})

describe('field type registry', () => {
  it('should list the registry types in registry order', () => {
    expect(ir.FIELD_TYPES).toEqual(Object.keys(ir.FIELD_TYPE_REGISTRY))
  })

  it('should give every type and alias one meaning, in lower case', () => {
    const names = ir.FIELD_TYPES.flatMap((type) => [type, ...ir.FIELD_TYPE_REGISTRY[type].aliases])
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/)
    expect(Object.keys(ir.FIELD_TYPE_NAMES).sort()).toEqual([...names].sort())
  })

  it('should map each type to itself and each alias to its type', () => {
    for (const type of ir.FIELD_TYPES) {
      expect(ir.FIELD_TYPE_NAMES[type]).toBe(type)
      for (const alias of ir.FIELD_TYPE_REGISTRY[type].aliases) expect(ir.FIELD_TYPE_NAMES[alias]).toBe(type)
    }
    expect(ir.FIELD_TYPE_NAMES).toMatchObject({ bool: 'boolean', datetime: 'date', int: 'integer', double: 'float' })
  })
})
