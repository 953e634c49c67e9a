import type { SourcePosition } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import { defineRule } from './rule.js'

export const dictionaryIdDuplicate = defineRule({
  id: 'dictionary-id-duplicate',
  summary: 'Two dictionaries have the same id (`<log.type>/<rule>`).',
  severity: 'error',
  messages: {
    duplicate: 'Unexpected duplicate dictionary id `{{id}}`, expected each `<log.type>/<rule>` once (also in `{{firstSource}}`)',
  },
  example: {
    source: 'packages/compiler/test/cross-dictionary.test.ts',
    line: '4:1-4:23 error Unexpected duplicate dictionary id `sentinelone/Same`, expected each `<log.type>/<rule>` once (also in `a.md`) dictionary-id-duplicate',
  },
})

export interface CompiledIdentity {
  ctx: FileContext
  id: string
  source: string
  /** Where the rule name (the id) was written. */
  idPosition: SourcePosition | undefined
}

/**
 * Reports `later` when an earlier dictionary has its id; the later one (in
 * input order) is the one in error. Returns true when it did.
 */
export function checkDuplicateId(later: CompiledIdentity, earlier: readonly CompiledIdentity[]): boolean {
  const same = earlier.find((other) => other.id === later.id)
  if (!same) return false
  dictionaryIdDuplicate.report(later.ctx, 'duplicate', { id: later.id, firstSource: same.source }, later.idPosition ?? { line: 1, column: 1 }, {
    cause: same.ctx.causeAt(`\`${later.id}\` first defined in ${same.source}`, same.idPosition),
  })
  return true
}
