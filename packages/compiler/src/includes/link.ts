import type { FileContext } from '../context.js'
import { reportIncludeCycle, reportSelfInclude } from '../rules/include-cycle.js'
import { includeInvalid } from '../rules/include-invalid.js'
import { reportMissingInclude } from '../rules/include-missing.js'
import type { IncludeRef } from './read-includes.js'

/** A file being compiled, as far as includes are concerned. */
export interface IncludingUnit {
  /** Relative to the working folder, `/`-separated: what `IncludeRef.target` is compared with. */
  path: string
  ctx: FileContext
  partial: boolean
  includes: readonly IncludeRef[]
}

export interface IncludeEdge<U> {
  ref: IncludeRef
  unit: U
}

/**
 * Resolves every unit's includes among the units, reporting on the including
 * file: a target that is not there (`include-missing`), one that is not a
 * partial (`include-invalid`) and every include that closes a cycle
 * (`include-cycle`). Returns the edges that remain, which form no cycle.
 */
export function linkIncludes<U extends IncludingUnit>(units: readonly U[]): Map<U, IncludeEdge<U>[]> {
  const byPath = new Map<string, U>()
  for (const unit of units) if (!byPath.has(unit.path)) byPath.set(unit.path, unit)
  const edges = new Map<U, IncludeEdge<U>[]>()
  for (const unit of units) {
    const list: IncludeEdge<U>[] = []
    for (const ref of unit.includes) {
      const target = byPath.get(ref.target)
      if (!target) {
        reportMissingInclude(unit.ctx, ref.text, ref.target, ref.position)
        continue
      }
      if (target === unit) {
        reportSelfInclude(unit.ctx, ref.text, ref.position)
        continue
      }
      if (!target.partial) {
        includeInvalid.report(unit.ctx, 'notPartial', { path: ref.text }, ref.position)
        continue
      }
      list.push({ ref, unit: target })
    }
    edges.set(unit, list)
  }
  breakCycles(units, edges)
  return edges
}

/** Depth-first, in input order: an edge back to a file still being visited closes a cycle; it is reported on its file and dropped. */
function breakCycles<U extends IncludingUnit>(units: readonly U[], edges: Map<U, IncludeEdge<U>[]>): void {
  const state = new Map<U, 'open' | 'done'>()
  const stack: U[] = []
  const visit = (unit: U): void => {
    state.set(unit, 'open')
    stack.push(unit)
    const list = edges.get(unit) ?? []
    for (let i = 0; i < list.length; i++) {
      const edge = list[i]
      if (!edge) continue
      const seen = state.get(edge.unit)
      if (seen === 'open') {
        reportIncludeCycle(unit.ctx, [...stack.slice(stack.indexOf(edge.unit)), edge.unit].map((u) => u.path), edge.ref.position)
        list.splice(i, 1)
        i--
      } else if (seen === undefined) {
        visit(edge.unit)
      }
    }
    stack.pop()
    state.set(unit, 'done')
  }
  for (const unit of units) if (!state.has(unit)) visit(unit)
}

/** A partial a file includes, directly or not, with the file's own include it was reached through. */
export interface Reached<U> {
  unit: U
  via: IncludeRef
}

/**
 * The partials a file includes, in the order their rows come: each include in
 * turn, a partial's own includes before its rows. A partial reached twice
 * (two includes share it) counts once, at its first place.
 */
export function includedPartials<U extends IncludingUnit>(unit: U, edges: ReadonlyMap<U, readonly IncludeEdge<U>[]>): Reached<U>[] {
  const reached: Reached<U>[] = []
  const seen = new Set<U>([unit])
  const walk = (from: U, via: IncludeRef | undefined): void => {
    for (const edge of edges.get(from) ?? []) {
      if (seen.has(edge.unit)) continue
      seen.add(edge.unit)
      walk(edge.unit, via ?? edge.ref)
      reached.push({ unit: edge.unit, via: via ?? edge.ref })
    }
  }
  walk(unit, undefined)
  return reached
}
