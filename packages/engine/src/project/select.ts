import type { MappingIR, SchemaIR } from '@mapdown/ir'

/** The schema an engine writes records in, or undefined for standard names; an unknown name is a TypeError that lists the known ones. */
export function selectSchema(ir: MappingIR, name: string | undefined): SchemaIR | undefined {
  if (name === undefined) return undefined
  const schemas = ir.schemas ?? []
  const found = schemas.find((schema) => schema.name === name)
  if (found) return found
  const known = schemas.map((schema) => schema.name)
  throw new TypeError(
    `Unexpected schema ${JSON.stringify(name)}, expected ${known.length === 0 ? 'none: the IR has no schemas (dictionaries/schemas/*.md)' : `one of ${known.join(', ')}`}`,
  )
}
