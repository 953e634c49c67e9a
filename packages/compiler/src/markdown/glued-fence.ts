import type { Code, Root, RootContent } from 'mdast'
import type { FileContext } from '../context.js'
import { reportGluedFence } from '../rules/fence-glued-to-content.js'
import { parseMarkdownFrom } from './parse.js'

const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})/

/**
 * Repairs fenced code blocks whose closing fence is glued to the end of a
 * content line (`    }```` `). CommonMark does not close the block there, so it
 * runs to the end of the file and swallows every table after it.
 *
 * Only blocks that are NOT closed are considered, so a well-formed block that
 * merely contains backticks is never touched. The block is cut at the glued
 * fence, the rest of the file is parsed again as markdown (positions of the
 * original file) and spliced in after it; repeated for later blocks.
 * Limitation: only top-level code blocks (not inside lists or block quotes).
 */
export function repairGluedFences(ctx: FileContext, tree: Root): void {
  const children = tree.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (node?.type !== 'code' || !node.position) continue
    const glued = findGluedFence(ctx, node)
    if (!glued) continue

    const { line, contentEnd, fenceEnd, indent } = glued
    const startLine = node.position.start.line
    const kept: string[] = []
    for (let current = startLine + 1; current < line; current++) kept.push(stripIndent(ctx.lines.lineText(current), indent))
    kept.push(stripIndent(ctx.lines.lineText(line).slice(0, contentEnd), indent))
    node.value = kept.join('\n')
    const fenceStartOffset = ctx.lines.lineStart(line) + contentEnd
    const fenceEndOffset = ctx.lines.lineStart(line) + fenceEnd
    node.position.end = { ...ctx.lines.point(fenceEndOffset), offset: fenceEndOffset }
    reportGluedFence(
      ctx,
      ctx.lines.position(fenceStartOffset, fenceEndOffset),
      ctx.lines.text.slice(fenceStartOffset, fenceEndOffset),
      ctx.lines.lineText(line).slice(0, contentEnd).trim(),
    )

    const rest = parseMarkdownFrom(ctx.lines.text, ctx.lines.lineStart(line + 1))
    const restChildren: RootContent[] = rest.children.filter((child) => (child.position?.start.line ?? 0) > line)
    children.splice(index + 1, children.length - index - 1, ...restChildren)
  }
}

interface GluedFence {
  /** The 1-based line holding the glued fence. */
  line: number
  /** Column offsets (0-based) in that line: where content ends / the fence run ends. */
  contentEnd: number
  fenceEnd: number
  indent: number
}

function findGluedFence(ctx: FileContext, node: Code): GluedFence | undefined {
  const position = node.position
  if (!position) return undefined
  const opening = OPENING_FENCE.exec(ctx.lines.lineText(position.start.line))
  if (!opening?.[2]) return undefined
  const indent = opening[1]?.length ?? 0
  const char = opening[2][0] === '`' ? '`' : '~'
  const length = opening[2].length
  if (isClosed(ctx.lines.lineText(position.end.line), char, length) && position.end.line > position.start.line) return undefined

  const escaped = char === '`' ? '`' : '~'
  const glued = new RegExp(`^(.*[^${escaped}\\s])(${escaped}{${length},})[ \\t]*$`)
  for (let line = position.start.line + 1; line <= position.end.line; line++) {
    const match = glued.exec(ctx.lines.lineText(line))
    if (match?.[1] !== undefined && match[2] !== undefined) {
      return { line, contentEnd: match[1].length, fenceEnd: match[1].length + match[2].length, indent }
    }
  }
  return undefined
}

function isClosed(lastLine: string, char: string, length: number): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lastLine)
  return match?.[1] !== undefined && match[1][0] === char && match[1].length >= length
}

function stripIndent(line: string, indent: number): string {
  let removed = 0
  while (removed < indent && line[removed] === ' ') removed++
  return line.slice(removed)
}
