import type { DictionaryIR, PathIR } from '@mapdown/ir'
import { selectiveParser, type SelectiveParse } from './selective-parse.js'

/**
 * Reads an event line through the selective parser when the dictionaries'
 * read set is known, or says it cannot (undefined: the caller runs
 * JSON.parse). The partial event holds every top-level key that routing and
 * mapping read, with JSON.parse's values, so routing and mapping cannot tell
 * it from the whole event; anything that reads other keys (the description
 * of an unmatched event) must parse the line itself.
 */
export interface EventReader {
  read(line: string): Record<string, unknown> | undefined
}

/**
 * Skipping pays when most of a line is skipped: when the kept values are
 * more than this share of the characters, building them costs what JSON.parse
 * costs and the scan comes on top (the 2019 Deep Visibility events keep one
 * nested object that is most of the line).
 */
const MAX_KEPT_SHARE = 0.3

/** Lines scanned to decide, then lines read the decided way before trying again (the stream may change). */
const TRIAL_LINES = 16
const DECIDED_LINES = 512

/**
 * The top-level keys the dictionaries read (routing and fields; both forms of
 * an `either` path), or undefined when a JSONPath may read anything.
 */
export function topLevelReadSet(dictionaries: readonly DictionaryIR[]): Set<string> | undefined {
  const keys = new Set<string>()
  const add = (path: PathIR): boolean => {
    if (path.kind === 'jsonpath') return false
    if (path.kind === 'flat' || path.kind === 'either') keys.add(path.key)
    if (path.kind === 'nested' || path.kind === 'either') {
      // An empty path reads the event itself: everything.
      if (path.segments.length === 0) return false
      keys.add(String(path.segments[0]))
    }
    return true
  }
  for (const dictionary of dictionaries) {
    for (const condition of dictionary.match.all) if (!add(condition.path)) return undefined
    for (const field of dictionary.fields) if (!add(field.path)) return undefined
  }
  return keys
}

/**
 * The reader for an engine's dictionaries, or undefined when their read set
 * is unknown. It decides from what it sees, never from a clock: it scans
 * `TRIAL_LINES` lines, then reads the next `DECIDED_LINES` lines selectively
 * if the trial's kept values were at most `MAX_KEPT_SHARE` of its text, with
 * JSON.parse otherwise, and tries again (a stream may change). Either way the
 * events are the same.
 */
export function eventReader(dictionaries: readonly DictionaryIR[]): EventReader | undefined {
  const keys = topLevelReadSet(dictionaries)
  if (keys === undefined) return undefined
  const parse: SelectiveParse = selectiveParser(keys)
  let mode: 'trial' | 'scan' | 'parse' = 'trial'
  let left = TRIAL_LINES
  let kept = 0
  let chars = 0
  const startTrial = (): void => {
    mode = 'trial'
    left = TRIAL_LINES
    kept = 0
    chars = 0
  }
  return {
    read(line) {
      if (mode === 'parse') {
        if (--left === 0) startTrial()
        return undefined
      }
      const event = parse(line)
      if (mode === 'scan') {
        if (--left === 0) startTrial()
      } else {
        // A line the scanner leaves to JSON.parse cost a scan for nothing: it counts as all kept.
        kept += event === undefined ? line.length : parse.keptChars()
        chars += line.length
        if (--left === 0) {
          mode = kept > chars * MAX_KEPT_SHARE ? 'parse' : 'scan'
          left = DECIDED_LINES
        }
      }
      return event
    },
  }
}
