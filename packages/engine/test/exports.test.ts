import { describe, expect, it } from 'vitest'
import * as engine from '@mapdown/engine'

describe('@mapdown/engine', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(engine).sort()).toEqual([
      'FilterSyntaxError',
      'IrValidationError',
      'IrVersionError',
      'NdjsonSplitter',
      'canonicalFilter',
      'coerce',
      'createEngine',
      'createMapStream',
      'datePatternProblem',
      'lookupPath',
      'mapEvents',
    ])
  })
})
