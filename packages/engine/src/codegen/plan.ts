import type { DictionaryIR } from '@mapdown/ir'
import { interpretedMapper } from '../interpret/plan.js'
import type { ResolvedOptions } from '../core/options.js'
import type { MappingPlan } from '../core/plan.js'
import { generatedMapper } from './mapper.js'
import { indexedRouter } from './router.js'

/** The fast plan: an indexed router and one generated mapper per dictionary (interpreter where generation fails). */
export function generatedPlan(dictionaries: readonly DictionaryIR[], options: ResolvedOptions): MappingPlan {
  let generated = 0
  const mappers = dictionaries.map((dictionary) => {
    const mapper = generatedMapper(dictionary, options)
    if (mapper === undefined) return interpretedMapper(dictionary, options)
    generated += 1
    return mapper
  })
  return { route: indexedRouter(dictionaries), mappers, generated }
}
