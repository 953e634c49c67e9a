import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine, IrValidationError, IrVersionError } from '@mapdown/engine'
import { FIXTURES, listFixtures, readJson } from './support/fixtures.js'

/**
 * Invalid IRs in test/fixtures/_error_/<case>/: `ir.json` and the exact
 * error (`name: message`) in `expected-error.txt`.
 */
describe('createEngine refuses invalid IRs (fixtures in test/fixtures/_error_/)', () => {
  for (const name of listFixtures('_error_')) {
    it(`should refuse ${name}`, () => {
      const ir = readJson('_error_', name, 'ir.json')
      let error: unknown
      try {
        createEngine(ir)
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(Error)
      expect(error instanceof IrValidationError || error instanceof IrVersionError).toBe(true)
      const text = `${(error as Error).name}: ${(error as Error).message}\n`
      const path = join(FIXTURES, '_error_', name, 'expected-error.txt')
      if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(path, text)
      expect(text).toBe(readFileSync(path, 'utf8'))
    })
  }

  it('should accept a valid IR and expose its dictionaries', () => {
    const ir = readJson('ir', 'several.ir.json') as { dictionaries: { id: string }[] }
    expect(createEngine(ir).dictionaries.map((d) => d.id)).toEqual(ir.dictionaries.map((d) => d.id))
  })

  it('should refuse impossible options', () => {
    const ir = readJson('ir', 'network-connection.ir.json')
    expect(() => createEngine(ir, { maxDepth: 0 })).toThrow(RangeError)
    expect(() => createEngine(ir, { maxLineBytes: -1 })).toThrow(RangeError)
    expect(() => createEngine(ir, { mode: 'fast' as never })).toThrow(TypeError)
    expect(() => createEngine(ir, { onFieldError: 'drop' as never })).toThrow(TypeError)
  })
})
