import type { DictionaryIR, MatchCondition, MatchValue, PathIR } from '@mapdown/ir'
import { lookupSimple } from '../interpret/lookup.js'
import { conditionHolds } from '../lookup/condition.js'
import { jsonPathReader } from '../lookup/jsonpath.js'
import { looseKey } from '../lookup/loose.js'
import { decideRoute, NO_ROUTE, precedenceOf, type Route } from '../core/plan.js'
import { simplePathCode } from './accessor.js'
import { _, name } from './code.js'
import { generateFunction } from './generate.js'

type Event = Record<string, unknown>
type Predicate = (event: Event) => boolean
type SimplePath = Exclude<PathIR, { kind: 'jsonpath' }>

interface IndexGroup {
  read: (event: Event) => unknown
  /** `match-compare: loose`: string values are looked up by their `looseKey`. */
  loose: boolean
  byValue: Map<MatchValue, number[]>
}

/**
 * Routing prepared once. Dictionaries whose predicate has an `equals`
 * condition are indexed by it: the value at that path is read once per
 * event (and, for a loose condition, normalised once) and looked up in a Map
 * to find the only candidates worth testing. The others are tested one by
 * one, with generated readers. Several matches are decided by precedence, as
 * the interpreter decides them.
 */
export function indexedRouter(dictionaries: readonly DictionaryIR[]): (event: Event) => Route {
  const predicates = dictionaries.map((dictionary) => predicate(dictionary.match.all))
  const precedence = precedenceOf(dictionaries)
  const groups = new Map<string, IndexGroup>()
  const unindexed: number[] = []
  dictionaries.forEach((dictionary, index) => {
    const key = dictionary.match.all.find((c): c is MatchCondition & { op: 'equals'; path: SimplePath } => c.op === 'equals' && c.path.kind !== 'jsonpath')
    if (key === undefined) {
      unindexed.push(index)
      return
    }
    const loose = key.compare === 'loose'
    const groupKey = JSON.stringify([pathIdentity(key.path), loose])
    let group = groups.get(groupKey)
    if (group === undefined) {
      group = { read: simpleReader(key.path), loose, byValue: new Map() }
      groups.set(groupKey, group)
    }
    for (const value of new Set(key.values.map((value) => (loose ? indexKey(value) : value)))) {
      const candidates = group.byValue.get(value) ?? []
      candidates.push(index)
      group.byValue.set(value, candidates)
    }
  })
  const groupList = [...groups.values()]

  return (event) => {
    let first = NO_ROUTE
    let all: number[] | undefined
    const consider = (index: number): void => {
      if (!predicates[index]!(event)) return
      if (first === NO_ROUTE) first = index
      else (all ??= [first]).push(index)
    }
    for (const group of groupList) {
      let value = group.read(event)
      if (value === null || typeof value !== 'object') {
        if (group.loose && typeof value === 'string') value = looseKey(value)
        const candidates = group.byValue.get(value as MatchValue)
        if (candidates !== undefined) for (const index of candidates) consider(index)
      }
    }
    for (const index of unindexed) consider(index)
    return all === undefined ? first : decideRoute(all.sort((a, b) => a - b), precedence)
  }
}

/** A loose condition's value as its index key: strings by their `looseKey`, the rest as they are. */
function indexKey(value: MatchValue): MatchValue {
  return typeof value === 'string' ? looseKey(value) : value
}

function pathIdentity(path: SimplePath): unknown {
  return path.kind === 'flat' ? [path.kind, path.key] : path.kind === 'nested' ? [path.kind, path.segments] : [path.kind, path.segments, path.key]
}

function predicate(conditions: readonly MatchCondition[]): Predicate {
  const tests = conditions.map(conditionTest)
  if (tests.length === 1) return tests[0]!
  return (event) => {
    for (const test of tests) if (!test(event)) return false
    return true
  }
}

function conditionTest(condition: MatchCondition): Predicate {
  if (condition.path.kind === 'jsonpath') {
    const read = jsonPathReader(condition.path.expression)
    return (event) => conditionHolds(condition, read(event))
  }
  const read = simpleReader(condition.path)
  if (condition.op === 'present') {
    return (event) => {
      const value = read(event)
      return value !== undefined && value !== null
    }
  }
  if (condition.compare === 'loose') {
    const keys = new Set<unknown>(condition.values.map(indexKey))
    return (event) => {
      const value = read(event)
      return (value === null || typeof value !== 'object') && keys.has(typeof value === 'string' ? looseKey(value) : value)
    }
  }
  const values = condition.values
  if (values.length > 4) {
    const set = new Set<unknown>(values)
    return (event) => {
      const value = read(event)
      return (value === null || typeof value !== 'object') && set.has(value)
    }
  }
  return (event) => {
    const value = read(event)
    for (const expected of values) if (expected === value) return true
    return false
  }
}

/** A generated reader for a simple path, or the interpreter's when generation is unavailable. */
export function simpleReader(path: SimplePath): (event: Event) => unknown {
  const read = simplePathCode(path)
  const generated =
    read === undefined
      ? undefined
      : generateFunction<(event: Event) => unknown>(
          [
            [name('isArray'), Array.isArray],
            [name('hasOwn'), Object.hasOwn],
          ],
          _`return function read(e) {\nlet v, s, b;\n${read}\nreturn v;\n}`,
        )
  return generated ?? ((event) => lookupSimple(event, path))
}
