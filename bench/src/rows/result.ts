/** What a row is and what it measured; the report reads only these. */
import type { Summary } from '../measure/stats.js'

export type Dataset = 'network-connection' | 'mixed' | 'cloud-funnel' | 'big'
export type Mode = 'in-process' | 'whole-process'

export interface RowResult {
  id: string
  label: string
  dataset: Dataset
  mode: Mode
  status: 'ok' | 'unavailable' | 'failed'
  /** Why the row is unavailable or failed. */
  reason?: string
  events?: number
  eventsPerSecond?: Summary
  peakRssMb?: Summary
  /** Row ids of the baselines its ratios are computed against (same dataset, same mode). */
  handwrittenRef?: string
  floorRef?: string
  notes: string[]
}

export interface CompileRowResult {
  status: 'ok' | 'unavailable' | 'failed'
  reason?: string
  count?: number
  coldMs?: number
  warmMs?: Summary
  originalMs?: Summary
  createEngineMs?: Summary | null
  /** The 1 MiB dictionary whose sample is one line of 40k keys (issue 12, case 10; target under 5 s). */
  wideSample?: { bytes: number; keys: number; coldMs: number; warmMs: Summary }
  warnings?: number
}

/** A row that has measured nothing yet, with its baselines. */
export function newRowResult(
  def: { id: string; label: string; dataset: Dataset; handwrittenRef?: string; floorRef?: string },
  mode: Mode,
): RowResult {
  return {
    id: def.id,
    label: def.label,
    dataset: def.dataset,
    mode,
    status: 'ok',
    notes: [],
    ...(def.handwrittenRef === undefined ? {} : { handwrittenRef: def.handwrittenRef }),
    ...(def.floorRef === undefined ? {} : { floorRef: def.floorRef }),
  }
}
