/** A front matter scalar as text (trimmed); null for lists, mappings and empty values. */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

/** What a front matter value is, for messages (`Unexpected list for ...`). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty value'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'object') return 'mapping'
  if (typeof value === 'string') return 'empty string'
  return typeof value
}
