import type { JsonType, TargetField, ValueProblem } from './types.js'

/**
 * Whether a value fits a field: for an `array` field, a list whose every element fits (a single
 * element is accepted too, as ECS does: "every field can hold an array"); else one element:
 * its JSON type, the closed set (`allowed`), the expected values (`expected`, advisory), the
 * pattern, length and range. Returns every problem, in that order; [] when it fits.
 */
export function checkValue(field: TargetField, value: unknown): ValueProblem[] {
  if (Array.isArray(value)) {
    if (!field.array && field.jsonType !== 'any') {
      return [problem('type', describe(value), `a single ${field.jsonType}`, `Unexpected list for \`${field.path}\`, expected a single ${field.jsonType}`)]
    }
    if (!field.array) return []
    return value.flatMap((element) => checkElement(field, element))
  }
  return checkElement(field, value)
}

/** Whether one value (one element of an array field) fits the field. */
export function checkElement(field: TargetField, value: unknown): ValueProblem[] {
  if (!hasJsonType(value, field.jsonType)) {
    return [problem('type', describe(value), field.jsonType, `Unexpected ${describe(value)} for \`${field.path}\` (${field.target} type \`${field.type}\`), expected ${article(field.jsonType)}`)]
  }
  const problems: ValueProblem[] = []
  if (field.allowed && !field.allowed.some((allowed) => allowed.value === value)) {
    const list = field.allowed.map((allowed) => (typeof allowed.value === 'number' ? `\`${allowed.value}\` (${allowed.caption})` : `\`${allowed.value}\``)).join(', ')
    problems.push(problem('allowed', String(value), list, `Unexpected \`${String(value)}\` for \`${field.path}\`, expected one of ${list}`))
  }
  if (field.expected && typeof value === 'string' && !field.expected.includes(value)) {
    const list = field.expected.map((expected) => `\`${expected}\``).join(', ')
    problems.push(problem('expected', value, list, `Unexpected \`${value}\` for \`${field.path}\`, ECS expects one of ${list}`))
  }
  if (typeof value === 'string') {
    if (field.pattern && !compiled(field.pattern).test(value)) {
      problems.push(problem('pattern', value, `${field.target} type \`${field.type}\``, `Unexpected \`${value}\` for \`${field.path}\`, expected a value of ${field.target} type \`${field.type}\``))
    }
    if (field.maxLength !== undefined && value.length > field.maxLength) {
      problems.push(problem('length', String(value.length), `at most ${field.maxLength}`, `Unexpected ${value.length} characters for \`${field.path}\`, expected at most ${field.maxLength}`))
    }
  }
  if (typeof value === 'number' && field.range && (value < field.range[0] || value > field.range[1])) {
    const expected = `${field.range[0]} to ${field.range[1]}`
    problems.push(problem('range', String(value), expected, `Unexpected \`${value}\` for \`${field.path}\`, expected ${expected}`))
  }
  return problems
}

function hasJsonType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'any':
      return value !== undefined
    case 'string':
      return typeof value === 'string'
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'list'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function article(type: JsonType): string {
  return type === 'integer' || type === 'object' || type === 'any' ? `an ${type === 'any' ? 'value' : type}` : `a ${type}`
}

function problem(code: ValueProblem['code'], actual: string, expected: string, message: string): ValueProblem {
  return { code, message, actual, expected }
}

const patterns = new Map<string, RegExp>()

/** Each pattern compiled once (there are a few dozen). `u` as in ajv, which runs the same patterns. */
function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern)
  if (!regex) {
    regex = new RegExp(pattern, 'u')
    patterns.set(pattern, regex)
  }
  return regex
}
