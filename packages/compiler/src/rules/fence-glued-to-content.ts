import type { FileContext } from '../context.js'
import type { SourcePosition } from '@mapdown/ir'
import { defineRule } from './rule.js'

export const fenceGluedToContent = defineRule(
  'fence-glued-to-content',
  'A fenced code block is closed by a fence glued to the end of a content line; CommonMark does not see it, the block would swallow the rest of the file.',
)

export function reportGluedFence(ctx: FileContext, place: SourcePosition, fence: string, content: string): void {
  ctx.report(
    fenceGluedToContent,
    'warning',
    `Unexpected closing fence (${fence.length} ${fence.startsWith('`') ? 'backticks' : 'tildes'}) glued to \`${content}\`, expected it on a line of its own; the code block is ended here`,
    place,
    { note: 'CommonMark only closes a fenced code block with a fence on its own line; without this repair the block runs to the end of the file.' },
  )
}
