import type { SourcePosition } from '@mapdown/ir'
import type { Code, Root, RootContent } from 'mdast'
import type { FileContext } from './context.js'
import { contentOffsetMapper } from './json/content-offsets.js'
import { originalOffset, repairBackslashes } from './json/repair-backslashes.js'
import { scanJson } from './json/scan-json.js'
import { findSection, type Section } from './markdown/sections.js'
import { toSourcePosition } from './position.js'
import { reportRepairedBackslashes } from './rules/event-json-backslash.js'
import { checkSampleNotEmpty } from './rules/event-json-empty.js'
import { reportInvalidSample } from './rules/event-json-invalid.js'
import { reportMissingSample } from './rules/event-json-missing.js'
import { checkSampleIsObject } from './rules/event-json-not-object.js'

export interface EventSample {
  /** The parsed sample event (a JSON object). */
  value: Record<string, unknown>
  /** Where each top-level key was written, in the original file. */
  topLevelKeys: Map<string, SourcePosition>
  /** The code block. */
  position: SourcePosition
}

/**
 * Finds the Event JSON code block (under an "Event JSON"-like heading, else the
 * first `json` block or block that starts with `{`) and parses it, reporting
 * errors at their line and column in the markdown file.
 */
export function readEventSample(ctx: FileContext, tree: Root, sections: readonly Section[]): EventSample | undefined {
  const code = findSampleBlock(tree, sections)
  if (!code?.position) {
    reportMissingSample(ctx, findSection(sections, 'event-json'))
    return undefined
  }
  const position = toSourcePosition(code.position) ?? { start: { line: 1, column: 1 } }
  if (checkSampleNotEmpty(ctx, code.value, position)) return undefined

  const toOriginal = contentOffsetMapper(code.value, (code.position?.start.line ?? 1) + 1, ctx.lines)
  let text = code.value
  let repairs: number[] = []
  let scan = scanJson(text)
  if (!scan.ok) {
    const repaired = repairBackslashes(text)
    if (repaired.repairs.length > 0) {
      const rescanned = scanJson(repaired.text)
      if (rescanned.ok || rescanned.offset > scan.offset) {
        repairs = repaired.repairs
        text = repaired.text
        scan = rescanned
        const first = toOriginal(repaired.repairs[0] ?? 0)
        reportRepairedBackslashes(ctx, repairs.length, ctx.lines.position(first, first + 1))
      }
    }
  }
  if (!scan.ok) {
    const start = toOriginal(originalOffset(scan.offset, repairs))
    const end = toOriginal(originalOffset(scan.end, repairs))
    reportInvalidSample(ctx, scan.reason, ctx.lines.position(start, Math.max(end, start + 1)))
    return undefined
  }
  const value: unknown = JSON.parse(text)
  if (!checkSampleIsObject(ctx, value, position)) return undefined
  const topLevelKeys = new Map<string, SourcePosition>()
  for (const [key, range] of scan.topLevelKeys) {
    const start = toOriginal(originalOffset(range.start, repairs))
    topLevelKeys.set(key, ctx.lines.position(start, toOriginal(originalOffset(range.end, repairs))))
  }
  return { value, topLevelKeys, position }
}

function findSampleBlock(tree: Root, sections: readonly Section[]): Code | undefined {
  const section = findSection(sections, 'event-json')
  const inSection = section?.nodes.find((node): node is Code => node.type === 'code')
  if (inSection) return inSection
  const isCode = (node: RootContent): node is Code => node.type === 'code'
  return tree.children.filter(isCode).find((node) => node.lang?.toLowerCase() === 'json' || node.value.trimStart().startsWith('{'))
}
