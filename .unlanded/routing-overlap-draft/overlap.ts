import type { MatchCondition, MatchIR, MatchValue, PathIR } from '@mapdown/ir'
import { looseKey, matchHolds } from '@mapdown/engine'

/** Two predicates that can both hold. */
export interface MatchOverlap {
  /**
   * An event both predicates accept (checked with the engine's reference
   * routing). Undefined when a JSONPath condition kept one from being built:
   * JSONPath conditions are not decided before run time, so they are assumed
   * to be able to hold together.
   */
  readonly example: Record<string, unknown> | undefined
  /** The Field Names the two predicates read, as written, each once. */
  readonly paths: readonly string[]
}

/** `either` paths beyond this many are not searched one by one (2^n placements): the pair is then assumed to overlap. */
const MAX_EITHER_PATHS = 8

/** The value an example event gives a path that only has to be present. */
const ANY_VALUE = 'x'

/**
 * Whether two match predicates can accept the same event, decided statically
 * and soundly: `undefined` only when no event satisfies both.
 *
 * It builds an event that satisfies every condition of both: one value per
 * location (a nested path's segments, a flat key as one top-level key), taken
 * from the `equals` values (`looseKey` for loose ones), `"x"` for `present`;
 * a location under another must be an object, so an `equals` on a prefix of a
 * read path is a contradiction. An `either` path is tried at its nested
 * location, and at its flat key with the nested location left absent. The
 * event is then checked with the engine's reference routing (`matchHolds`).
 * When no placement can be built the predicates are disjoint; when one can
 * be built but a JSONPath condition rejects it, they are assumed to overlap.
 */
export function findOverlap(a: MatchIR, b: MatchIR): MatchOverlap | undefined {
  const all = [...a.all, ...b.all]
  const paths = [...new Set(all.map((condition) => condition.path.text))]
  const simple = all.filter((condition): condition is SimpleCondition => condition.path.kind !== 'jsonpath')
  const eithers = distinctEithers(simple)
  if (eithers.length > MAX_EITHER_PATHS) return { example: undefined, paths }
  let undecided = false
  for (let mask = 0; mask < 2 ** eithers.length; mask++) {
    const flatEithers = new Set(eithers.filter((_, index) => (mask & (2 ** index)) !== 0))
    const event = buildEvent(simple, flatEithers)
    if (event === undefined) continue
    if (matchHolds(a, event) && matchHolds(b, event)) return { example: event, paths }
    undecided = true
  }
  return undecided ? { example: undefined, paths } : undefined
}

/** Whether two match predicates can accept the same event (`findOverlap` found one, or could not rule it out). */
export function predicatesOverlap(a: MatchIR, b: MatchIR): boolean {
  return findOverlap(a, b) !== undefined
}

type SimplePath = Exclude<PathIR, { kind: 'jsonpath' }>
type SimpleCondition = MatchCondition & { readonly path: SimplePath }
type EitherPath = Extract<PathIR, { kind: 'either' }>

interface Slot {
  readonly location: readonly string[]
  readonly conditions: MatchCondition[]
}

function distinctEithers(conditions: readonly SimpleCondition[]): string[] {
  const keys = new Set<string>()
  for (const condition of conditions) if (condition.path.kind === 'either') keys.add(eitherKey(condition.path))
  return [...keys]
}

function eitherKey(path: EitherPath): string {
  return JSON.stringify([path.segments.map(String), path.key])
}

/** Where a path reads, as object keys from the event's root. */
function locationOf(path: SimplePath, flatEithers: ReadonlySet<string>): string[] {
  if (path.kind === 'flat') return [path.key]
  if (path.kind === 'either' && flatEithers.has(eitherKey(path))) return [path.key]
  return path.segments.map(String)
}

/** The example event for one placement of the `either` paths, or undefined when the conditions contradict each other there. */
function buildEvent(conditions: readonly SimpleCondition[], flatEithers: ReadonlySet<string>): Record<string, unknown> | undefined {
  const slots = new Map<string, Slot>()
  const absent: string[][] = []
  for (const condition of conditions) {
    const location = locationOf(condition.path, flatEithers)
    const key = JSON.stringify(location)
    const slot = slots.get(key)
    if (slot) slot.conditions.push(condition)
    else slots.set(key, { location, conditions: [condition] })
    // Read at its flat key, an `either` path needs nothing at its nested location.
    if (condition.path.kind === 'either' && flatEithers.has(eitherKey(condition.path))) absent.push(condition.path.segments.map(String))
  }
  const list = [...slots.values()]
  for (const location of absent) {
    if (list.some((slot) => startsWith(slot.location, location))) return undefined
  }
  const values = new Map<Slot, unknown>()
  for (const slot of list) {
    const container = list.some((other) => other.location.length > slot.location.length && startsWith(other.location, slot.location))
    if (container) {
      // An object is there: it satisfies `present`, and no `equals` (values are scalars).
      if (slot.conditions.some((condition) => condition.op === 'equals')) return undefined
      continue
    }
    const value = valueFor(slot.conditions)
    if (value === NONE) return undefined
    values.set(slot, value)
  }
  const event: Record<string, unknown> = {}
  for (const slot of [...list].sort((x, y) => x.location.length - y.location.length)) {
    let current = event
    slot.location.forEach((segment, index) => {
      const last = index === slot.location.length - 1
      if (last && values.has(slot)) {
        define(current, segment, values.get(slot))
        return
      }
      const existing = Object.hasOwn(current, segment) ? current[segment] : undefined
      if (existing !== null && typeof existing === 'object') current = existing as Record<string, unknown>
      else {
        const next: Record<string, unknown> = {}
        define(current, segment, next)
        current = next
      }
    })
  }
  return event
}

const NONE = Symbol('none')

/**
 * A value that satisfies every condition on one location, or NONE. If any
 * value does, one of the listed `equals` values does (an exact condition
 * admits only its own values; a loose one admits spellings of its values,
 * which satisfy the other loose conditions as the value itself does).
 */
function valueFor(conditions: readonly MatchCondition[]): unknown {
  const candidates: MatchValue[] = []
  for (const condition of conditions) if (condition.op === 'equals') candidates.push(...condition.values)
  if (candidates.length === 0) return ANY_VALUE
  const found = candidates.find((candidate) => conditions.every((condition) => admits(condition, candidate)))
  return found === undefined ? NONE : found
}

function admits(condition: MatchCondition, value: MatchValue): boolean {
  if (condition.op === 'present') return value !== null
  if (condition.compare === 'loose' && typeof value === 'string') {
    const key = looseKey(value)
    return condition.values.some((expected) => typeof expected === 'string' && looseKey(expected) === key)
  }
  return condition.values.some((expected) => expected === value)
}

function startsWith(location: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= location.length && prefix.every((segment, index) => location[index] === segment)
}

/** An own data property whatever the key (`__proto__` included). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
}
