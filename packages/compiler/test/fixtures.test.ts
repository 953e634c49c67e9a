import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { irJsonSchema } from '@mapdown/ir'
import { describe, expect, it } from 'vitest'
import { compileSources, serializeIr } from '@mapdown/compiler'
import { diagnosticLines } from './support/diagnostics.js'

// One folder per case: `input.md` (or `input.path`, a file naming a dictionary
// elsewhere in the repository, read as is), `expected.ir.json` and
// `expected.diagnostics.txt`. Failing cases live under `_error_/`: they must
// report at least one error and contribute no dictionary.
// Other `*.md` files in a case folder (any depth) are compiled with it, after it: the
// partials it includes. Their messages follow the input's, under `--- <path>`.
// `UPDATE_FIXTURES=1` rewrites the expectations: review the diff before committing.

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const update = process.env.UPDATE_FIXTURES === '1'
const validate = new Ajv({ strict: false, allErrors: true }).compile(irJsonSchema)

function cases(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== '_error_')
    .map((entry) => entry.name)
    .sort()
}

function inputOf(folder: string): { path: string; contents: Uint8Array } {
  const pointer = join(folder, 'input.path')
  const path = existsSync(pointer) ? resolve(folder, readFileSync(pointer, 'utf8').trim()) : join(folder, 'input.md')
  return { path, contents: new Uint8Array(readFileSync(path)) }
}

/** The case's other markdown files (partials it includes), sorted, with paths relative to the folder. */
function companionsOf(folder: string): { path: string; contents: Uint8Array }[] {
  return (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => name.endsWith('.md') && name !== 'input.md')
    .sort()
    .map((name) => ({ path: join(folder, name), contents: new Uint8Array(readFileSync(join(folder, name))) }))
}

function check(folder: string, failing: boolean): void {
  const input = inputOf(folder)
  const sources = [input, ...companionsOf(folder)]
  const result = compileSources(sources, { cwd: dirname(input.path) })
  const [file, ...others] = result.files
  if (!file) throw new Error('no file in result')
  const ir = serializeIr(result.ir)
  const diagnostics = [diagnosticLines(file), ...others.map((other) => `--- ${other.path}\n${diagnosticLines(other)}`)].join('')
  const irPath = join(folder, 'expected.ir.json')
  const diagnosticsPath = join(folder, 'expected.diagnostics.txt')
  if (update) {
    writeFileSync(irPath, ir)
    writeFileSync(diagnosticsPath, diagnostics)
  }
  expect(diagnostics).toBe(readFileSync(diagnosticsPath, 'utf8'))
  expect(ir).toBe(readFileSync(irPath, 'utf8'))
  expect(validate(result.ir), JSON.stringify(validate.errors)).toBe(true)
  for (const each of result.files) expect(each.messages.some((message) => message.ruleId === 'internal-error')).toBe(false)
  // A case with a schema document (`schema.md`, docs/schemas.md) fails by leaving the schema out, not the dictionary.
  const schemaCase = existsSync(join(folder, 'schema.md'))
  if (failing) {
    expect(result.errorCount).toBeGreaterThan(0)
    if (schemaCase) expect(result.ir.schemas ?? []).toEqual([])
    else expect(result.ir.dictionaries).toEqual([])
  } else {
    expect(result.errorCount).toBe(0)
    expect(result.ir.dictionaries).toHaveLength(1)
    if (schemaCase) expect(result.ir.schemas).toHaveLength(1)
  }
  // Deterministic: compiling again gives byte-identical IR.
  expect(serializeIr(compileSources(sources, { cwd: dirname(input.path) }).ir)).toBe(ir)
}

describe('fixtures', () => {
  for (const name of cases(fixtures)) {
    it(`should compile \`${name}\` as expected`, () => check(join(fixtures, name), false))
  }
})

describe('error fixtures', () => {
  const folder = join(fixtures, '_error_')
  for (const name of cases(folder)) {
    it(`should report \`${name}\` as an error`, () => check(join(folder, name), true))
  }
})
