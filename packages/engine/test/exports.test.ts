import { describe, expect, it } from 'vitest'
import * as engine from '@mapdown/engine'

describe('@mapdown/engine', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(engine).sort()).toEqual([
      'DEFAULT_MAX_LINE_BYTES',
      'FilterSyntaxError',
      'IrValidationError',
      'IrVersionError',
      'NdjsonSplitter',
      'REJECT_REASONS',
      'UNMATCHED_LIMIT',
      'canonicalFilter',
      'coerce',
      'createEngine',
      'createMapStream',
      'datePatternProblem',
      'emptyStats',
      'lookupPath',
      'looseKey',
      'mapEvents',
      'matchHolds',
      'mergeStats',
      'utf16Encoding',
      'utf8ByteLength',
    ])
  })
})
