/** What a row is and what it measured; the report reads only these. */
import type { Summary } from '../measure/stats.js'

export type Dataset = 'network-connection' | 'mixed' | 'big'
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
  warnings?: number
}
