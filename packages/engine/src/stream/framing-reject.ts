import type { NdjsonLine } from '../ndjson/line.js'
import { engineInternals } from '../core/internals.js'
import type { Engine, MapResult } from '../core/types.js'

/**
 * A line the splitter refused (too long, invalid UTF-8) as a rejection, also
 * counted in the engine's stats so that read = mapped + rejected covers every
 * line a stream saw. Invalid UTF-8 cannot be JSON text: `invalid_json`.
 */
export function framingReject(engine: Engine, line: Extract<NdjsonLine, { error: string }>): MapResult & { ok: false } {
  const reason = line.error === 'line_too_long' ? 'line_too_long' : 'invalid_json'
  engineInternals(engine)?.recordFramingReject(reason)
  return { ok: false, reason, message: line.message }
}
