import type { DictionaryIR, SchemaIR } from '@mapdown/ir'
import { generatedProjector } from '../codegen/projection.js'
import { interpretedProjector, schemaTrees, type Projector } from './projection.js'

export interface ProjectionPlan {
  /** One projector per dictionary, by index. */
  readonly projectors: readonly Projector[]
  /** How many dictionaries got a generated projector (the fast path); the rest use the interpreter. */
  readonly generated: number
}

/**
 * A schema's projectors: interpreted (the reference semantics) in
 * `interpreted` mode; in `compiled` mode one generated function per
 * dictionary, built here once, with the interpreter where generation is
 * refused or unavailable.
 */
export function projectionPlan(schema: SchemaIR, dictionaries: readonly DictionaryIR[], mode: 'compiled' | 'interpreted'): ProjectionPlan {
  let generated = 0
  const projectors = schemaTrees(schema, dictionaries).map((roots) => {
    const projector = mode === 'compiled' ? generatedProjector(roots) : undefined
    if (projector === undefined) return interpretedProjector(roots)
    generated += 1
    return projector
  })
  return { projectors, generated }
}
