/** The machine a run was measured on, for the report and BENCHMARKS.md. */
import { readFileSync } from 'node:fs'
import { availableParallelism, release, totalmem } from 'node:os'

export interface Machine {
  cores: number
  cpu: string
  memoryGb: number
  node: string
  kernel: string
  date: string
}

export function describeMachine(now: Date = new Date()): Machine {
  let cpu = 'unknown'
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu
  } catch {
    // not Linux: keep "unknown"
  }
  return {
    cores: availableParallelism(),
    cpu,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    kernel: release(),
    date: now.toISOString(),
  }
}
