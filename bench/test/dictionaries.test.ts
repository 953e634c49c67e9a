import { compileSources } from '@mapdown/compiler'
import { createEngine } from '@mapdown/engine'
import { describe, expect, it } from 'vitest'
import { generateDictionaries } from '../src/generate/dictionaries.js'

describe('generateDictionaries', () => {
  const dictionaries = generateDictionaries(40, 7)

  it('should be deterministic for a seed', () => {
    expect(generateDictionaries(40, 7)).toEqual(dictionaries)
    expect(generateDictionaries(40, 8)).not.toEqual(dictionaries)
  })

  it('should compile without a single diagnostic above info, into as many distinct dictionaries', () => {
    const result = compileSources(dictionaries, { cwd: '/' })
    expect(result.errorCount).toBe(0)
    expect(result.warningCount).toBe(0)
    const ids = result.ir.dictionaries.map((dictionary) => dictionary.id)
    expect(new Set(ids).size).toBe(40)
  })

  it('should route each sample to its own dictionary only (no overlaps), in both forms', () => {
    const result = compileSources(dictionaries, { cwd: '/' })
    const engine = createEngine(result.ir)
    for (const [id, sample] of result.samples) {
      const mapped = engine.map(sample)
      expect(mapped.ok ? mapped.dictionary : mapped.reason).toBe(id)
    }
    expect(result.samples.size).toBe(40)
  })
})
