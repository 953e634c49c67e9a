import type { DictionaryIR } from '@mapdown/ir'
import { interpretedMapper } from '../interpret/plan.js'
import type { ResolvedOptions } from '../core/options.js'
import type { MappingPlan } from '../core/plan.js'
import { compiledMapper } from './mapper.js'
import { compiledRouter } from './router.js'

/** The fast plan: an indexed router and one generated mapper per dictionary (interpreter where generation fails). */
export function compiledPlan(dictionaries: readonly DictionaryIR[], options: ResolvedOptions): MappingPlan {
  let generated = 0
  const mappers = dictionaries.map((dictionary) => {
    const mapper = compiledMapper(dictionary, options)
    if (mapper === undefined) return interpretedMapper(dictionary, options)
    generated += 1
    return mapper
  })
  return { route: compiledRouter(dictionaries), mappers, generated }
}
