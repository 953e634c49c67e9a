import { describe, expect, it } from 'vitest'
import * as engine from '@mapdown/engine'

describe('@mapdown/engine', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(engine).sort()).toEqual([
      'IrValidationError',
      'IrVersionError',
      'NdjsonSplitter',
      'coerce',
      'createEngine',
      'createMapStream',
      'datePatternProblem',
      'mapEvents',
    ])
  })
})
