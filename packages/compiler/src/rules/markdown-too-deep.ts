import type { FileContext } from '../context.js'
import { findDeepNesting, MAX_BLOCK_NESTING } from '../markdown/nesting.js'
import { defineRule } from './rule.js'

export const markdownTooDeep = defineRule({
  id: 'markdown-too-deep',
  summary: 'Block quotes or lists nested deeper than any dictionary needs (32 levels); the markdown is not read.',
  docs: "Block quotes or lists nested deeper than any dictionary needs (32 levels); the markdown is not read, so that parsing it cannot exhaust the parser's stack (10,000 nested block quotes did) or spend minutes on lists nested hundreds deep. The depth is an upper bound taken, before parsing, from the leading `>`, list markers and indentation of each line that has a marker.",
  severity: 'error',
  messages: {
    tooDeep: 'Unexpected block quotes or lists nested up to {{depth}} levels deep, expected at most {{limit}}; the markdown is not read',
  },
})

/** Returns true (and reports) when the body nests too deep to be parsed safely. */
export function checkNesting(ctx: FileContext, bodyStart: number): boolean {
  const deep = findDeepNesting(ctx.lines.text, bodyStart)
  if (!deep) return false
  markdownTooDeep.report(ctx, 'tooDeep', { depth: deep.depth, limit: MAX_BLOCK_NESTING }, ctx.lines.position(deep.start, deep.end))
  return true
}
