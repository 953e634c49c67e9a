import type { PathIR } from '@mapdown/ir'
import type { PathDraft } from './field-path.js'
import { flatKey, lookup, walk } from './resolve.js'

/**
 * Decides what a dotted name means, from the sample when there is one:
 * nested objects if the walk finds it, else one flat key with dots (Cloud
 * Funnel 2.0) if the sample has it, else both stay possible (`either`).
 */
export function decidePath(draft: PathDraft, sample: unknown): { path: PathIR; foundInSample: boolean } {
  if (draft.kind === 'decided') {
    return { path: draft.path, foundInSample: sample !== undefined && lookup(sample, draft.path).found }
  }
  const { segments, text } = draft
  if (sample !== undefined) {
    if (walk(sample, segments).found) return { path: { kind: 'nested', segments, text }, foundInSample: true }
    if (segments.length > 1 && flatKey(sample, text).found) return { path: { kind: 'flat', key: text, text }, foundInSample: true }
  }
  // One segment cannot be ambiguous: a nested walk of one key is the flat key.
  if (segments.length === 1) return { path: { kind: 'nested', segments, text }, foundInSample: false }
  return { path: { kind: 'either', segments, key: text, text }, foundInSample: false }
}
