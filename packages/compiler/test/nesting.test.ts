import fc from 'fast-check'
import type { Node, Parent } from 'unist'
import { describe, expect, it } from 'vitest'
import { compileSources } from '@mapdown/compiler'
import { findDeepNesting, MAX_BLOCK_NESTING } from '../src/markdown/nesting.js'
import { parseMarkdownFrom } from '../src/markdown/parse.js'

/** The real container depth of a tree: block quotes and list items along the deepest path. */
function containerDepth(node: Node): number {
  const own = node.type === 'blockquote' || node.type === 'listItem' ? 1 : 0
  const children = (node as Parent).children ?? []
  return own + children.reduce((deepest, child) => Math.max(deepest, containerDepth(child)), 0)
}

const piece = fc.constantFrom('> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '  ', '   ', '\t', 'x ', '-', '---')
const line = fc.tuple(fc.array(piece, { maxLength: 14 }), fc.constantFrom('x', 'text', '', '- y')).map(([pieces, end]) => pieces.join('') + end)
const markdown = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'))

describe('findDeepNesting', () => {
  it('should never report a bound below the real depth (no file that passes nests deeper)', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const depth = containerDepth(parseMarkdownFrom(text, 0))
        if (depth === 0) return
        expect(findDeepNesting(text, 0, depth - 1)).toBeDefined()
      }),
      { numRuns: 1000 },
    )
  })

  it('should not count a thematic break, a long number or deep code indentation of a sample as nesting', () => {
    expect(findDeepNesting(`${'-'.repeat(400)}\n${'*'.repeat(400)}\n${'1'.repeat(400)}. x\n${' '.repeat(400)}"deep": 1\n${' '.repeat(400)}-1,`, 0)).toBeUndefined()
  })

  it('should refuse 100,000 nested block quotes and lists nested 500 deep without parsing them', () => {
    const quotes = `---\ntitle: t\nlog.type: sentinelone\nrule: R\n---\n${'>'.repeat(100_000)} x\n`
    const lists = `---\ntitle: t\nlog.type: sentinelone\nrule: R\n---\n${Array.from({ length: 500 }, (_, level) => `${'  '.repeat(level)}- x`).join('\n')}\n`
    // Line 6 is the first body line. Item `level` of the list is bound at
    // level + 1 (2 columns of indentation per level, and its own `- `), so
    // the first line over the limit is item 100.
    for (const [contents, line] of [[quotes, 6], [lists, 6 + MAX_BLOCK_NESTING]] as const) {
      const result = compileSources([{ path: 'deep.md', contents }])
      expect(result.files[0]?.messages.map((message) => `${message.line}:${message.ruleId}`)).toEqual([`${line}:markdown-too-deep`])
      expect(result.ir.dictionaries).toEqual([])
    }
  })
})
