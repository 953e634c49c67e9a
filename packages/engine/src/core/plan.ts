import type { FieldIssue } from './types.js'

/** Builds a record's fields (without metadata) in dictionary order, appending issues. */
export type FieldMapper = (event: Record<string, unknown>, issues: FieldIssue[]) => Record<string, unknown>

/** Which dictionary an event belongs to: its index, -1 for none, or the indexes that all matched. */
export type Route = number | readonly number[]

export interface MappingPlan {
  readonly route: (event: Record<string, unknown>) => Route
  readonly mappers: readonly FieldMapper[]
  /** How many dictionaries got a generated mapper (the fast path); the rest use the interpreter. */
  readonly generated: number
}

export const NO_ROUTE = -1
