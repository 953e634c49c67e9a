import { Ajv, type ValidateFunction } from 'ajv'
import { irJsonSchema } from '@mapdown/ir'

let compiled: ValidateFunction | undefined

/** The IR JSON Schema compiled once per process (ajv compiles to a JavaScript function). */
export function irSchemaValidator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: false, strictNumbers: true }).compile(irJsonSchema)
  return compiled
}
