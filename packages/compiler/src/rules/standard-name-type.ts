import type { DictionaryIR, FieldIR } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const standardNameType = defineRule({
  id: 'standard-name-type',
  summary: 'A Standard Name has another type than in the dictionaries compiled before it: a Standard Name has one type everywhere.',
  docs: 'The Standard Names are one vocabulary across the library, so that one downstream query reads `process_id` the same way whichever dictionary mapped the event. The first dictionary (in input order; with `mapdown check FILE`, the library comes first) sets the type; a later one that gives the name another type is reported, with the first use as the cause. Date arguments (`date(epoch_s)`) may differ: they say how to read the source, not what the record holds.',
  severity: 'warning',
  messages: {
    conflict: {
      text: 'Unexpected type `{{type}}` for Standard Name `{{name}}`, expected `{{expected}}` as in `{{otherId}}` (`{{otherSource}}`)',
      note: 'A Standard Name has one type in every dictionary; choose another name for another kind of value.',
    },
  },
  example: {
    source: 'packages/cli/test/fixtures/_error_/check-library-vocabulary/expected.stdout',
    line: '69:1-69:102       warning Unexpected type `string` for Standard Name `process_id`, expected `integer` as in `sentinelone/ProcessCreation` (`../../_library/sentinelone/process-creation.md`) standard-name-type',
  },
})

export interface CompiledVocabulary {
  ctx: FileContext
  dictionary: DictionaryIR
}

/** The first field of each Standard Name, with the dictionary that declared it. */
export type Vocabulary = Map<string, { field: FieldIR; declared: CompiledVocabulary }>

/** Reports every field of `later` whose Standard Name has another type in `vocabulary`, then adds its new names. */
export function checkStandardNameTypes(later: CompiledVocabulary, vocabulary: Vocabulary): void {
  for (const field of later.dictionary.fields) {
    const first = vocabulary.get(field.name)
    if (first === undefined) {
      vocabulary.set(field.name, { field, declared: later })
      continue
    }
    if (first.field.type === field.type) continue
    const other = first.declared
    standardNameType.report(
      later.ctx,
      'conflict',
      { type: field.type, name: field.name, expected: first.field.type, otherId: other.dictionary.id, otherSource: other.dictionary.source },
      field.position,
      { actual: field.type, expected: [first.field.type], cause: other.ctx.causeAt(`\`${field.name}\` first typed \`${first.field.type}\` here`, first.field.position) },
    )
  }
}
