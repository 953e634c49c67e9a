/**
 * Nesting depth limits. `{}` and `[]` are depth 1; `{"a":{}}` is 2.
 *
 * The walk is bounded: it stops as soon as it passes the limit, so its own
 * recursion is never deeper than `maxDepth + 1` whatever the input.
 */
export function exceedsDepth(value: unknown, maxDepth: number): boolean {
  return tooDeep(value, maxDepth)
}

function tooDeep(value: unknown, budget: number): boolean {
  if (value === null || typeof value !== 'object') return false
  if (budget === 0) return true
  if (Array.isArray(value)) {
    for (const item of value) if (tooDeep(item, budget - 1)) return true
    return false
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && tooDeep((value as Record<string, unknown>)[key], budget - 1)) return true
  }
  return false
}

/**
 * A line whose text holds at most `maxDepth` opening brackets cannot nest
 * deeper than that, brackets in strings included: then the parsed event
 * needs no walk at all. `indexOf` runs at memchr speed, so typical events
 * (a few dozen brackets) cost almost nothing.
 */
export function mayExceedDepth(line: string, maxDepth: number): boolean {
  let count = 0
  for (let at = line.indexOf('{'); at !== -1; at = line.indexOf('{', at + 1)) if (++count > maxDepth) return true
  for (let at = line.indexOf('['); at !== -1; at = line.indexOf('[', at + 1)) if (++count > maxDepth) return true
  return false
}
