import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain JavaScript build script, without types.
import { GENERATED_PATH, irValidatorSource } from '../scripts/generate-ir-validator.mjs'

describe('the IR schema validator compiled ahead of time', () => {
  it('should be the code ajv compiles from the current schema (run scripts/generate-ir-validator.mjs when not)', () => {
    expect(readFileSync(GENERATED_PATH as string, 'utf8')).toBe((irValidatorSource as () => string)())
  })
})
