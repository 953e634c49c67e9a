import type { ErrorObject } from 'ajv'
import { validate } from './ir-schema.generated.js'

/** An ajv validation function: returns whether `data` is valid, and leaves the reasons in `errors`. */
export interface IrSchemaValidator {
  (data: unknown): boolean
  errors?: ErrorObject[] | null
}

/**
 * The IR JSON Schema, compiled by ajv ahead of time (ir-schema.generated.ts,
 * from scripts/generate-ir-validator.mjs): the code ajv would compile at run
 * time, without loading ajv's compiler and compiling the schema in every
 * process and worker thread.
 */
export function irSchemaValidator(): IrSchemaValidator {
  return validate as IrSchemaValidator
}
