/**
 * Source values that mean "no value": JSON null, a missing key (undefined) and
 * SentinelOne's tri-state `E_UNSUPPORTED` (the agent could not tell). They are
 * never issues: a field whose value is absent is simply left out of the record.
 */
export const UNSUPPORTED_MARKER = 'E_UNSUPPORTED'

export function isAbsentValue(value: unknown): boolean {
  return value === null || value === undefined || value === UNSUPPORTED_MARKER
}
