import type { FileContext } from '../context.js'
import type { SourcePosition } from '@mapdown/ir'
import { defineRule } from './rule.js'

export const fenceGluedToContent = defineRule({
  id: 'fence-glued-to-content',
  summary: 'A fenced code block is closed by a fence glued to the end of a content line; CommonMark does not see it, the block would swallow the rest of the file.',
  severity: 'warning',
  messages: {
    glued: {
      text: 'Unexpected closing fence ({{length}} {{kind}}) glued to `{{content}}`, expected it on a line of its own; the code block is ended here',
      note: 'CommonMark only closes a fenced code block with a fence on its own line; without this repair the block runs to the end of the file.',
    },
  },
})

export function reportGluedFence(ctx: FileContext, place: SourcePosition, fence: string, content: string): void {
  fenceGluedToContent.report(ctx, 'glued', { length: fence.length, kind: fence.startsWith('`') ? 'backticks' : 'tildes', content }, place)
}
