import type { PathIR } from '@mapdown/ir'
import { isSimple, JsonPathError, printJsonPath, readJsonPath, unreadSegment } from './jsonpath.js'

/**
 * A Field Name, read but not yet decided against the sample event:
 * a dotted name may address nested objects or one flat key with dots in it.
 */
export type PathDraft =
  | { kind: 'dotted'; segments: string[]; text: string }
  | { kind: 'decided'; path: PathIR }

export type FieldPathResult =
  | { ok: true; draft: PathDraft }
  | { ok: false; problem: 'empty' | 'invalid' | 'unsafe'; reason: string; offset: number }

/** Characters that make a Field Name a JSONPath rather than a dotted name. */
const PATH_SYNTAX = /[[\]*?()@$'"]/

export function readFieldPath(text: string): FieldPathResult {
  if (text.trim() === '') return { ok: false, problem: 'empty', reason: 'Unexpected empty Field Name, expected a dotted name or a JSONPath', offset: 0 }
  if (!text.startsWith('$') && !PATH_SYNTAX.test(text) && !text.includes('`')) {
    // In a dotted name whitespace is a typo (`tcpv4.source address`); in a
    // JSONPath it may sit inside quotes and filters, and the reader judges it.
    const whitespace = /\s/.exec(text)
    if (whitespace) {
      return { ok: false, problem: 'invalid', reason: 'Unexpected whitespace in Field Name, expected a dotted name or a JSONPath', offset: whitespace.index }
    }
    const segments = text.split('.')
    const empty = segments.findIndex((segment) => segment === '')
    if (empty !== -1) {
      const offset = segments.slice(0, empty).reduce((sum, segment) => sum + segment.length + 1, 0)
      return { ok: false, problem: 'invalid', reason: `Unexpected empty segment in Field Name \`${text}\`, expected names between dots`, offset }
    }
    return { ok: true, draft: { kind: 'dotted', segments, text } }
  }
  // `a[0].b` is read as `$.a[0].b`: offsets are shifted back for messages.
  const prefixed = text.startsWith('$') ? text : text.startsWith('[') ? `$${text}` : `$.${text}`
  const shift = prefixed.length - text.length
  try {
    const starts: number[] = []
    const segments = readJsonPath(prefixed, starts)
    if (segments.length === 0) return { ok: false, problem: 'invalid', reason: 'Unexpected bare `$` as Field Name, expected a path into the event', offset: 0 }
    if (isSimple(segments)) {
      const only = segments[0]
      if (segments.length === 1 && only?.type === 'name' && only.name.includes('.')) {
        return { ok: true, draft: { kind: 'decided', path: { kind: 'flat', key: only.name, text } } }
      }
      return {
        ok: true,
        draft: {
          kind: 'decided',
          path: { kind: 'nested', segments: segments.map((segment) => (segment.type === 'name' ? segment.name : segment.index)), text },
        },
      }
    }
    const unread = unreadSegment(segments)
    if (unread !== undefined) return { ok: false, problem: 'invalid', reason: unread.reason, offset: Math.max(0, (starts[unread.index] ?? 0) - shift) }
    return {
      ok: true,
      draft: {
        kind: 'decided',
        path: { kind: 'jsonpath', expression: printJsonPath(segments), text },
      },
    }
  } catch (error) {
    if (error instanceof JsonPathError) {
      return { ok: false, problem: error.unsafe ? 'unsafe' : 'invalid', reason: error.message, offset: Math.max(0, error.offset - shift) }
    }
    throw error
  }
}
