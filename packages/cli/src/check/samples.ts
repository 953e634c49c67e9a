/**
 * The doc test of `mapdown check`: map each dictionary's own Event JSON
 * sample through the engine (with every compiled dictionary loaded, so
 * routing is tested too) and record each field's outcome.
 */
import type { Engine, FieldIssue, FieldIssueCode, RejectReason } from '@mapdown/engine'
import type { DictionaryIR, MappingIR } from '@mapdown/ir'

export type FieldOutcome =
  | { readonly name: string; readonly path: string; readonly type: string; readonly outcome: 'value'; readonly value: unknown }
  | {
      readonly name: string
      readonly path: string
      readonly type: string
      readonly outcome: 'issue'
      readonly issue: { readonly code: FieldIssueCode; readonly message: string; readonly value: unknown }
    }
  | { readonly name: string; readonly path: string; readonly type: string; readonly outcome: 'absent' }

export type SampleStatus =
  /** The sample was routed to its own dictionary and mapped. */
  | 'mapped'
  /** The dictionary has no usable Event JSON sample (the compiler says why). */
  | 'no_sample'
  /** The engine rejected the sample (no matching dictionary, ambiguous match...). */
  | 'rejected'
  /** The sample was mapped by another dictionary. */
  | 'routed_elsewhere'

export interface DictionaryCheck {
  readonly dictionary: DictionaryIR
  readonly status: SampleStatus
  /** The dictionary that mapped the sample, when not this one. */
  readonly routedTo?: string
  /** The engine's reject reason and message, for `rejected`. */
  readonly reason?: RejectReason
  readonly message?: string
  /** One per field of the dictionary, in its order; empty unless `mapped`. */
  readonly fields: readonly FieldOutcome[]
}

export function checkSamples(ir: MappingIR, samples: ReadonlyMap<string, unknown>, engine: Engine): DictionaryCheck[] {
  return ir.dictionaries.map((dictionary) => checkOne(dictionary, samples, engine))
}

function checkOne(dictionary: DictionaryIR, samples: ReadonlyMap<string, unknown>, engine: Engine): DictionaryCheck {
  if (!samples.has(dictionary.id)) return { dictionary, status: 'no_sample', fields: [] }
  const result = engine.map(samples.get(dictionary.id))
  if (!result.ok) return { dictionary, status: 'rejected', reason: result.reason, message: result.message, fields: [] }
  if (result.dictionary !== dictionary.id) {
    return { dictionary, status: 'routed_elsewhere', routedTo: result.dictionary, fields: [] }
  }
  const issues = new Map<string, FieldIssue>()
  for (const issue of result.issues) if (!issues.has(issue.field)) issues.set(issue.field, issue)
  const record = result.record as Readonly<Record<string, unknown>>
  const fields = dictionary.fields.map((field): FieldOutcome => {
    const base = { name: field.name, path: field.path.text, type: field.type }
    const issue = issues.get(field.name)
    if (issue !== undefined) {
      return { ...base, outcome: 'issue', issue: { code: issue.code, message: issue.message, value: issue.value } }
    }
    const value = record[field.name]
    if (value === undefined || value === null) return { ...base, outcome: 'absent' }
    return { ...base, outcome: 'value', value }
  })
  return { dictionary, status: 'mapped', fields }
}
