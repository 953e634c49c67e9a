import { RESERVED_KEY, type DictionaryIR } from '@mapdown/ir'
import { generatedPlan } from '../codegen/plan.js'
import { interpretedPlan } from '../interpret/plan.js'
import { projectionPlan } from '../project/plan.js'
import { selectSchema } from '../project/select.js'
import { validateIr } from '../validate/ir.js'
import { mayExceedDepth, exceedsDepth } from './depth.js'
import { registerInternals } from './internals.js'
import { resolveOptions } from './options.js'
import { NO_ROUTE } from './plan.js'
import { StatsCounter } from './stats.js'
import type { Engine, EngineOptions, FieldIssue, MapResult, MappedRecord, RejectReason } from './types.js'
import { utf8ByteLength } from '../text/utf8-byte-length.js'
import { eventReader, type EventReader } from '../scan/event-reader.js'

/** Shared by every clean record: one allocation less per event, and frozen so that no caller can fill it. */
const NO_ISSUES: readonly FieldIssue[] = Object.freeze([])

/**
 * Validates an IR (ajv, then the rules the schema cannot express) and
 * prepares it: routing index, generated mappers, coercers. Throws
 * IrValidationError / IrVersionError for a bad IR, TypeError / RangeError
 * for bad options; after that, nothing the engine does throws.
 */
export function createEngine(ir: unknown, options: EngineOptions = {}): Engine {
  const mapping = validateIr(ir)
  const resolved = resolveOptions(options)
  const dictionaries = mapping.dictionaries
  const schema = selectSchema(mapping, resolved.schema)
  const projection = schema ? projectionPlan(schema, dictionaries, resolved.mode) : undefined
  const projectors = projection?.projectors
  const plan = resolved.mode === 'interpreted' ? interpretedPlan(dictionaries, resolved) : generatedPlan(dictionaries, resolved)
  const fast = resolved.mode === 'compiled'
  const { route, mappers } = plan
  const stats = new StatsCounter(dictionaries)
  const { maxDepth, maxLineBytes } = resolved
  const rejectOnIssue = resolved.onFieldError === 'reject'
  // Selective reading (scan/, docs/parse-floor.md) is off: it was not reliably faster in the bench. Benchmarks and tests turn it on through the internals.
  // Built when first turned on: while the feature is off it must cost start-up nothing.
  let reader: EventReader | undefined
  let selective: EventReader | undefined
  let fastPathRuns = 0
  let selectiveReads = 0

  const reject = (reason: RejectReason, message: string): MapResult => {
    stats.recordRejected(reason)
    return { ok: false, reason, message }
  }

  /**
   * Routing and mapping of an event known to be within the limits. `line`
   * is given when the event holds only the keys routing and mapping read:
   * an unmatched event is then described from the whole line.
   */
  const mapObject = (event: unknown, line?: string): MapResult => {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) {
      return reject('not_an_object', `Unexpected ${Array.isArray(event) ? 'array' : event === null ? 'null' : typeof event} event, expected a JSON object`)
    }
    const object = event as Record<string, unknown>
    const target = route(object)
    if (target === NO_ROUTE) {
      stats.recordUnmatched(line === undefined ? object : (JSON.parse(line) as Record<string, unknown>))
      return { ok: false, reason: 'no_matching_dictionary', message: 'Unexpected event that no dictionary matches, expected one match' }
    }
    if (typeof target !== 'number') {
      const ids = target.map((index) => dictionaries[index]!.id)
      return reject('ambiguous_match', `Unexpected event that ${ids.length} dictionaries match (${ids.join(', ')}), expected one match`)
    }
    const dictionary = dictionaries[target]!
    const issues: FieldIssue[] = []
    const record = mappers[target]!(object, issues)
    if (fast) fastPathRuns += 1
    if (issues.length > 0) {
      stats.recordIssues(issues)
      if (rejectOnIssue) {
        stats.recordRejected('field_error')
        return {
          ok: false,
          reason: 'field_error',
          message: `Unexpected ${issues.length} field issue(s) (${issues.map((i) => `${i.field}: ${i.code}`).join(', ')}), expected none with onFieldError 'reject'`,
          dictionary: dictionary.id,
          issues,
        }
      }
    }
    const metadata =
      issues.length > 0
        ? { dictionary: dictionary.id, rule: dictionary.rule, logType: dictionary.logType, issues }
        : { dictionary: dictionary.id, rule: dictionary.rule, logType: dictionary.logType }
    // Stats count the standard names (absent fields); a schema's record is built from them afterwards.
    stats.recordMapped(target, record, issues)
    let written: Record<string, unknown> = record
    if (projectors) written = projectors[target]!(record, metadata)
    else record[RESERVED_KEY] = metadata
    return { ok: true, dictionary: dictionary.id, record: written as MappedRecord, issues: issues.length === 0 ? NO_ISSUES : issues }
  }

  /** Anything thrown while reading an event: a stack overflow is nesting; the rest means the value is not JSON data. */
  const readFailure = (error: unknown): MapResult =>
    error instanceof RangeError
      ? reject('too_deep', `Unexpected nesting too deep to read (${error.message}), expected at most ${maxDepth} levels`)
      : reject('not_an_object', `Unexpected event that cannot be read as JSON data (${error instanceof Error ? error.message : String(error)})`)

  const tooDeep = (): MapResult => reject('too_deep', `Unexpected nesting deeper than ${maxDepth} levels, expected at most ${maxDepth} (option maxDepth)`)

  const engine: Engine = {
    dictionaries: dictionaries as readonly DictionaryIR[],

    map(event) {
      try {
        if (exceedsDepth(event, maxDepth)) return tooDeep()
        return mapObject(event)
      } catch (error) {
        return readFailure(error)
      }
    },

    mapLine(line) {
      try {
        if (typeof line !== 'string') return reject('invalid_json', `Unexpected ${typeof line} line, expected a string`)
        // UTF-8 takes 1 to 3 bytes per UTF-16 unit: only measure when the length cannot decide.
        if (line.length > maxLineBytes || (line.length * 3 > maxLineBytes && utf8ByteLength(line) > maxLineBytes)) {
          return reject('line_too_long', `Unexpected line of ${utf8ByteLength(line)} bytes, expected at most ${maxLineBytes} (option maxLineBytes)`)
        }
        if (selective !== undefined && !mayExceedDepth(line, maxDepth)) {
          const partial = selective.read(line)
          if (partial !== undefined) {
            selectiveReads += 1
            return mapObject(partial, line)
          }
        }
        let event: unknown
        try {
          event = JSON.parse(line)
        } catch (error) {
          return reject('invalid_json', `Unexpected invalid JSON (${error instanceof Error ? error.message : String(error)}), expected one JSON value per line`)
        }
        if (mayExceedDepth(line, maxDepth) && exceedsDepth(event, maxDepth)) return tooDeep()
        return mapObject(event)
      } catch (error) {
        return readFailure(error)
      }
    },

    mapFramedLine(line) {
      if (line !== null && typeof line === 'object' && 'error' in line) {
        return reject(line.error === 'line_too_long' ? 'line_too_long' : 'invalid_utf8', String(line.message))
      }
      return engine.mapLine((line as { text?: unknown } | null)?.text as string)
    },

    stats(options) {
      const snapshot = stats.snapshot()
      if (options?.reset === true) stats.reset()
      return snapshot
    },
  }
  registerInternals(engine, {
    mode: resolved.mode,
    generatedMappers: plan.generated,
    generatedProjectors: projection?.generated ?? 0,
    fastPathRuns: () => fastPathRuns,
    selectiveReads: () => selectiveReads,
    setSelectiveReading: (on) => {
      if (on && fast) reader ??= eventReader(dictionaries)
      selective = on ? reader : undefined
    },
  })
  return engine
}
