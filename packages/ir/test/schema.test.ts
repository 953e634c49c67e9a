import { describe, expect, it } from 'vitest'
import * as ir from '@mapdown/ir'

describe('@mapdown/ir', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(ir).sort()).toEqual(['FIELD_TYPES', 'IR_VERSION', 'RESERVED_KEY', 'RESERVED_NAMES', 'irJsonSchema'])
  })

  it('should describe the same version and field types in the schema as in the types', () => {
    const schema = ir.irJsonSchema as {
      properties: { irVersion: { const: number } }
      definitions: { field: { properties: { type: { enum: string[] } } } }
    }
    expect(schema.properties.irVersion.const).toBe(ir.IR_VERSION)
    expect(schema.definitions.field.properties.type.enum).toEqual([...ir.FIELD_TYPES])
  })

  it('should refuse in the schema exactly the reserved names, the metadata key first', () => {
    const schema = ir.irJsonSchema as { definitions: { field: { properties: { name: { not: { enum: string[] } } } } } }
    expect(schema.definitions.field.properties.name.not.enum).toEqual([...ir.RESERVED_NAMES])
    expect(ir.RESERVED_NAMES[0]).toBe(ir.RESERVED_KEY)
    expect(Object.isFrozen(ir.RESERVED_NAMES)).toBe(true)
  })
})
