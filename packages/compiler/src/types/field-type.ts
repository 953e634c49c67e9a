import { FIELD_TYPE_NAMES, type DateArgument, type FieldType } from '@mapdown/ir'

export type TypeCellResult =
  | { ok: true; type: FieldType; dateArgument?: DateArgument; ignoredArgument?: string }
  | { ok: false; name: string; reason: 'unknown' | 'malformed' }

const NAMED_DATE_ARGUMENTS: readonly string[] = ['epoch_ms', 'epoch_s', 'iso8601']

/**
 * Reads a Type cell: `integer`, `bool`, `date`, `date(epoch_s)`,
 * `datetime(yyyy-MM-dd HH:mm:ss)`. Names are case-insensitive; a date pattern
 * is kept as written. A date without an argument reads epoch milliseconds.
 */
export function readTypeCell(text: string): TypeCellResult {
  // Trimmed first, so that no two `\s*` can match the same blanks: with
  // `^\s*name\s*(...)?\s*$` a cell of a name, many blanks and a stray
  // character backtracked quadratically (a 10 MB cell never finished).
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?$/s.exec(text.trim())
  if (!match?.[1]) return { ok: false, name: text.trim(), reason: 'malformed' }
  const name = match[1].toLowerCase()
  const type = Object.prototype.hasOwnProperty.call(FIELD_TYPE_NAMES, name) ? FIELD_TYPE_NAMES[name] : undefined
  if (!type) return { ok: false, name: match[1], reason: 'unknown' }
  const argument = match[2]?.trim()
  if (type !== 'date') return argument === undefined || argument === '' ? { ok: true, type } : { ok: true, type, ignoredArgument: argument }
  if (argument === undefined || argument === '') return { ok: true, type, dateArgument: 'epoch_ms' }
  const named = argument.toLowerCase().replace(/-/g, '_')
  if (NAMED_DATE_ARGUMENTS.includes(named)) return { ok: true, type, dateArgument: named as DateArgument }
  if (named === 'iso' || named === 'iso_8601') return { ok: true, type, dateArgument: 'iso8601' }
  return { ok: true, type, dateArgument: { pattern: argument } }
}

/** Prints a type as a dictionary would write it: `integer`, `date(epoch_ms)`. */
export function typeLabel(type: FieldType, dateArgument?: DateArgument): string {
  if (type !== 'date' || dateArgument === undefined) return type
  return `date(${typeof dateArgument === 'string' ? dateArgument : dateArgument.pattern})`
}
