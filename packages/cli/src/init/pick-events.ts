/**
 * The sample events `mapdown init` drafts from: the one event of a JSON
 * file, or the first event of each type in an NDJSON file.
 */
import { draftGroupOf } from '@mapdown/compiler'
import { InputError } from '../errors.js'

export interface PickedEvents {
  /** One per event type, in order of first appearance; `lineNo` for NDJSON input. */
  readonly events: ReadonlyArray<{ readonly event: unknown; readonly lineNo?: number }>
  /** NDJSON lines that are not JSON objects. */
  readonly skippedLines: number
  /** NDJSON events whose type cannot be told (neither Cloud Funnel nor Deep Visibility, no value at the key). */
  readonly untypedEvents: number
}

export function pickEvents(text: string, input: string, routingKey: string | undefined): PickedEvents {
  const whole = parseJson(text)
  if (whole.ok) {
    if (whole.value === null || typeof whole.value !== 'object' || Array.isArray(whole.value)) {
      throw new InputError('expected one JSON object (an event), or NDJSON: one event per line', input)
    }
    return { events: [{ event: whole.value }], skippedLines: 0, untypedEvents: 0 }
  }
  const firstOfType = new Map<string, { event: unknown; lineNo: number }>()
  let skippedLines = 0
  let undrafted: number | undefined
  let untypedEvents = 0
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    const parsed = parseJson(line)
    if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
      skippedLines++
      return
    }
    const group = draftGroupOf(parsed.value, routingKey)
    if (group === undefined) {
      undrafted ??= index + 1
      untypedEvents++
      return
    }
    if (!firstOfType.has(group)) firstOfType.set(group, { event: parsed.value, lineNo: index + 1 })
  })
  if (firstOfType.size === 0) {
    throw new InputError(
      undrafted === undefined
        ? 'no JSON object found: expected one event, or NDJSON (one event per line)'
        : `no event whose type can be told (first: line ${undrafted}); name the key to route on with --key`,
      input,
    )
  }
  return { events: [...firstOfType.values()], skippedLines, untypedEvents }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}
