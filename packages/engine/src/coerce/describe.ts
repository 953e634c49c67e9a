/**
 * A short, safe rendering of an offending value for issue messages: values
 * come from untrusted events, so long text is cut and objects are summarised
 * instead of serialised whole (they may be huge or deeply nested).
 */
const MAX_SHOWN = 60

export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string': {
      const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value
      return JSON.stringify(shown)
    }
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value)
    case 'boolean':
    case 'bigint':
      return String(value)
    case 'undefined':
      return 'undefined'
    case 'object':
      if (value === null) return 'null'
      return Array.isArray(value) ? `array of ${value.length} item(s)` : 'object'
    default:
      return typeof value
  }
}
