import type { MatchCondition, MatchIR, MatchValue, PathIR } from '@mapdown/ir'
import { looseKey, matchHolds } from '@mapdown/engine'

/** Two predicates that can both hold. */
export type MatchOverlap =
  /** An event both predicates accept, checked with the engine's reference routing (`matchHolds`). */
  | { readonly kind: 'example'; readonly example: Record<string, unknown> }
  /**
   * No example could be built, yet an event both accept could not be ruled
   * out: JSONPath conditions are decided at run time only, and beyond
   * `MAX_EITHER_PATHS` undecided dotted paths the placements are not searched.
   * The pair is then assumed to overlap (never the other way round).
   */
  | { readonly kind: 'undecided'; readonly reason: 'jsonpath' | 'too-many-paths'; readonly paths: readonly string[] }

/** `either` paths beyond this many are not searched one by one (2^n placements): the pair is then assumed to overlap. */
export const MAX_EITHER_PATHS = 8

/** The value an example event gives a path that only has to be present. */
const ANY_VALUE = 'x'

/**
 * Whether two match predicates can accept the same event, decided statically
 * and soundly: undefined only when no event satisfies both.
 *
 * It builds an event that satisfies every condition of both: one value per
 * location (a nested path's segments; a flat key is one top-level key), taken
 * from the `equals` values, `"x"` for `present`. A location under another
 * makes that one an object, so an `equals` there is a contradiction. An
 * `either` path is tried at its nested location, and at its flat key with the
 * nested location left absent. Each event built is checked with the engine's
 * reference routing. When no placement can be built, the predicates are
 * disjoint; when one can be built but a JSONPath condition (left out of the
 * building) rejects it, they are assumed to overlap.
 */
export function findOverlap(a: MatchIR, b: MatchIR): MatchOverlap | undefined {
  const all = [...a.all, ...b.all]
  const simple = all.filter((condition): condition is SimpleCondition => condition.path.kind !== 'jsonpath')
  const jsonPaths = all.filter((condition) => condition.path.kind === 'jsonpath').map((condition) => condition.path.text)
  const eithers = distinctEithers(simple)
  if (eithers.length > MAX_EITHER_PATHS) return { kind: 'undecided', reason: 'too-many-paths', paths: eithers.map((either) => either.text) }
  let built = false
  for (let mask = 0; mask < 2 ** eithers.length; mask++) {
    const flat = new Set(eithers.filter((_, index) => (mask & (2 ** index)) !== 0).map((either) => either.id))
    const event = buildEvent(simple, flat)
    if (event === undefined) continue
    if (matchHolds(a, event) && matchHolds(b, event)) return { kind: 'example', example: event }
    built = true
  }
  return built && jsonPaths.length > 0 ? { kind: 'undecided', reason: 'jsonpath', paths: [...new Set(jsonPaths)] } : undefined
}

/** Whether two match predicates can accept the same event (`findOverlap` found one, or could not rule it out). */
export function predicatesOverlap(a: MatchIR, b: MatchIR): boolean {
  return findOverlap(a, b) !== undefined
}

type SimplePath = Exclude<PathIR, { kind: 'jsonpath' }>
type SimpleCondition = MatchCondition & { readonly path: SimplePath }
type EitherPath = Extract<PathIR, { kind: 'either' }>

/** One location of the example event: the conditions on it, and the locations under it. */
interface Node {
  readonly children: Map<string, Node>
  readonly conditions: MatchCondition[]
}

function distinctEithers(conditions: readonly SimpleCondition[]): { id: string; text: string }[] {
  const found = new Map<string, string>()
  for (const condition of conditions) if (condition.path.kind === 'either') found.set(eitherId(condition.path), condition.path.text)
  return [...found].map(([id, text]) => ({ id, text }))
}

function eitherId(path: EitherPath): string {
  return JSON.stringify([path.segments.map(String), path.key])
}

/** Where a path reads, as object keys from the event's root. */
function locationOf(path: SimplePath, flat: ReadonlySet<string>): readonly string[] {
  if (path.kind === 'flat' || (path.kind === 'either' && flat.has(eitherId(path)))) return [path.key]
  return path.segments.map(String)
}

/** The example event for one placement of the `either` paths, or undefined when the conditions contradict each other there. */
function buildEvent(conditions: readonly SimpleCondition[], flat: ReadonlySet<string>): Record<string, unknown> | undefined {
  const root: Node = { children: new Map(), conditions: [] }
  for (const condition of conditions) {
    let node = root
    for (const segment of locationOf(condition.path, flat)) {
      let next = node.children.get(segment)
      if (!next) {
        next = { children: new Map(), conditions: [] }
        node.children.set(segment, next)
      }
      node = next
    }
    node.conditions.push(condition)
  }
  // Read at its flat key, an `either` path must find nothing at its nested location.
  for (const condition of conditions) {
    const path = condition.path
    if (path.kind === 'either' && flat.has(eitherId(path)) && reaches(root, path.segments.map(String))) return undefined
  }
  return build(root)
}

/** Whether the event will hold something at `location` (a node there: a value or an object). */
function reaches(root: Node, location: readonly string[]): boolean {
  let node: Node | undefined = root
  for (const segment of location) {
    node = node.children.get(segment)
    if (!node) return false
  }
  return true
}

const NONE = Symbol('none')

/** The event the tree describes, or undefined on a contradiction. Iterative: a path may have any number of segments. */
function build(root: Node): Record<string, unknown> | undefined {
  const event: Record<string, unknown> = {}
  const pending: [Node, Record<string, unknown>][] = [[root, event]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, target] = next
    for (const [key, child] of node.children) {
      if (child.children.size === 0) {
        const value = valueFor(child.conditions)
        if (value === NONE) return undefined
        define(target, key, value)
        continue
      }
      // An object is there: it satisfies `present`, and no `equals` (the values are scalars).
      if (child.conditions.some((condition) => condition.op === 'equals')) return undefined
      const object: Record<string, unknown> = {}
      define(target, key, object)
      pending.push([child, object])
    }
  }
  return event
}

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

/** An own data property whatever the key (`__proto__` included). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
}
