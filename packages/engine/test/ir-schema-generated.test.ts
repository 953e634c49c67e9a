import { readdirSync, readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { irJsonSchema } from '@mapdown/ir'
// @ts-expect-error: a plain JavaScript build script, without types.
import { IR_SCHEMA_AJV_OPTIONS } from '../scripts/generate-ir-validator.mjs'
import { validate } from '../src/validate/ir-schema.generated.js'

// The validator compiled ahead of time must accept and refuse exactly what ajv
// compiling the schema at run time accepts and refuses, errors included.
const fixtures = new URL('./fixtures/', import.meta.url)
const irFiles = [
  ...readdirSync(new URL('ir/', fixtures)).map((name) => new URL(`ir/${name}`, fixtures)),
  ...readdirSync(new URL('_error_/', fixtures)).map((name) => new URL(`_error_/${name}/ir.json`, fixtures)),
]

describe('the IR schema validator compiled ahead of time', () => {
  const reference = new Ajv(IR_SCHEMA_AJV_OPTIONS as object).compile(irJsonSchema)

  it.each(irFiles.map((url) => [url.pathname.split('/fixtures/')[1] as string, url]))(
    'should judge %s as ajv does at run time',
    (_name, url) => {
      const ir: unknown = JSON.parse(readFileSync(url, 'utf8'))
      const validateAot = validate as ((data: unknown) => boolean) & { errors?: unknown }
      expect(validateAot(ir)).toBe(reference(ir))
      expect(validateAot.errors ?? null).toEqual(reference.errors ?? null)
    },
  )
})
