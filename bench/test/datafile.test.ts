import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureDataFile } from '../src/generate/datafile.js'
import { mixedRecipe, networkConnectionBytesRecipe, networkConnectionRecipe } from '../src/generate/datasets.js'

describe('ensureDataFile', () => {
  it('should write exactly the events asked for, then reuse the file while the recipe is unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-data-'))
    const first = await ensureDataFile(dir, networkConnectionRecipe(500, 9))
    expect(first).toMatchObject({ events: 500, reused: false })
    const text = readFileSync(first.path, 'utf8')
    expect(text.split('\n')).toHaveLength(501)
    expect(Buffer.byteLength(text)).toBe(first.bytes)
    expect(await ensureDataFile(dir, networkConnectionRecipe(500, 9))).toMatchObject({ reused: true, bytes: first.bytes })
  })

  it('should regenerate when the seed changes, and give the same bytes for the same seed', async () => {
    const dirA = mkdtempSync(join(tmpdir(), 'bench-data-'))
    const dirB = mkdtempSync(join(tmpdir(), 'bench-data-'))
    const a = await ensureDataFile(dirA, networkConnectionRecipe(200, 1))
    const b = await ensureDataFile(dirB, networkConnectionRecipe(200, 1))
    expect(readFileSync(a.path, 'utf8')).toBe(readFileSync(b.path, 'utf8'))
    const recipe = { ...networkConnectionRecipe(200, 2), name: networkConnectionRecipe(200, 1).name }
    const c = await ensureDataFile(dirA, recipe)
    expect(c.reused).toBe(false)
    expect(readFileSync(c.path, 'utf8')).not.toBe(readFileSync(b.path, 'utf8'))
  })

  it('should stop at the first event that reaches a byte budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-data-'))
    const file = await ensureDataFile(dir, networkConnectionBytesRecipe(100_000, 1))
    expect(file.bytes).toBeGreaterThanOrEqual(100_000)
    const lastLine = readFileSync(file.path, 'utf8').trimEnd().split('\n').pop() ?? ''
    expect(file.bytes - Buffer.byteLength(lastLine) - 1).toBeLessThan(100_000)
  })

  it('should regenerate the mixed stream when the dictionaries\' samples change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-data-'))
    await ensureDataFile(dir, mixedRecipe(50, 1, [{ file: 'a.md', sample: { a: 1 } }]))
    expect((await ensureDataFile(dir, mixedRecipe(50, 1, [{ file: 'a.md', sample: { a: 1 } }]))).reused).toBe(true)
    expect((await ensureDataFile(dir, mixedRecipe(50, 1, [{ file: 'a.md', sample: { a: 2 } }]))).reused).toBe(false)
    expect(() => mixedRecipe(50, 1, [])).toThrow(RangeError)
  })
})
