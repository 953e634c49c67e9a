import { coerce } from '@mapdown/engine'
import type { DateArgument, DictionaryIR, FieldType } from '@mapdown/ir'

/** How the library already maps one Field Name. */
export interface KnownField {
  readonly name: string
  readonly type: FieldType
  readonly dateArgument?: DateArgument
  /** The Description most of its uses give (the shortest of those on a tie). */
  readonly description: string
  /** The dictionaries that use it, by id. */
  readonly dictionaries: readonly string[]
}

interface Uses {
  readonly name: string
  readonly type: FieldType
  readonly dateArgument?: DateArgument
  readonly descriptions: string[]
  readonly dictionaries: string[]
}

export type Naming =
  | { readonly kind: 'named'; readonly field: KnownField }
  /** The library maps this Field Name to several Standard Names, or with a type the sample value does not fit. */
  | { readonly kind: 'conflict'; readonly why: string }
  | { readonly kind: 'unknown' }

/**
 * The library's Standard Names by Field Name, within one `log.type` (a Cloud
 * Funnel `timestamp` is not a Deep Visibility `timestamp`).
 */
export class Vocabulary {
  readonly #byFieldName = new Map<string, KnownField[]>()

  constructor(dictionaries: readonly DictionaryIR[], logType: string) {
    const uses = new Map<string, Uses[]>()
    for (const dictionary of dictionaries) {
      if (dictionary.logType !== logType) continue
      for (const field of dictionary.fields) {
        const known = uses.get(field.path.text) ?? []
        let same = known.find((entry) => entry.name === field.name && entry.type === field.type && sameDateArgument(entry.dateArgument, field.dateArgument))
        if (same === undefined) {
          same = { name: field.name, type: field.type, ...(field.dateArgument === undefined ? {} : { dateArgument: field.dateArgument }), descriptions: [], dictionaries: [] }
          known.push(same)
        }
        same.descriptions.push(field.description)
        same.dictionaries.push(dictionary.id)
        uses.set(field.path.text, known)
      }
    }
    for (const [fieldName, known] of uses) {
      this.#byFieldName.set(
        fieldName,
        known.map(({ descriptions, ...use }) => ({ ...use, description: mostCommon(descriptions) })),
      )
    }
  }

  /** The one Standard Name the library uses for `fieldName`, if the sample value fits its type. */
  name(fieldName: string, value: unknown): Naming {
    const known = this.#byFieldName.get(fieldName)
    if (known === undefined) return { kind: 'unknown' }
    const [only] = known
    if (known.length > 1 || only === undefined) {
      return { kind: 'conflict', why: `the library maps it to ${known.map((entry) => `\`${entry.name}\` (${entry.type}, ${entry.dictionaries.join(', ')})`).join(' and ')}` }
    }
    if (coerce(value, only.type, only.dateArgument).kind !== 'value') {
      return { kind: 'conflict', why: `the library maps it to \`${only.name}\` of type ${only.type}, which the sample value does not fit` }
    }
    return { kind: 'named', field: only }
  }
}

function sameDateArgument(a: DateArgument | undefined, b: DateArgument | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function mostCommon(texts: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1)
  let best = ''
  let bestCount = 0
  for (const [text, count] of counts) {
    if (count > bestCount || (count === bestCount && text.length < best.length)) {
      best = text
      bestCount = count
    }
  }
  return best
}
