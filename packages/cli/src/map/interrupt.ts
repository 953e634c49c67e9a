/**
 * SIGINT and SIGTERM during `mapdown map`: the first one aborts `signal`, so
 * the run stops reading, finishes the write in progress (whole lines only)
 * and ends with 128 + the signal's number (130 for SIGINT, 143 for SIGTERM).
 * A second one means "now": the process exits at once with that code
 * (temporary output files are still removed by the exit hook of `OutputFile`).
 */
import { constants } from 'node:os'

const SIGNALS = ['SIGINT', 'SIGTERM'] as const
type StopSignal = (typeof SIGNALS)[number]

export class Interrupt {
  private readonly controller = new AbortController()
  private first: StopSignal | undefined
  private readonly handler = (signal: StopSignal) => {
    if (this.first !== undefined) process.exit(exitCodeOf(signal))
    this.first = signal
    this.controller.abort()
  }

  constructor() {
    for (const signal of SIGNALS) process.on(signal, this.handler)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** The first signal received, if any. */
  get received(): StopSignal | undefined {
    return this.first
  }

  /** 128 + the number of the first signal received (0 if none). */
  get exitCode(): number {
    return this.first === undefined ? 0 : exitCodeOf(this.first)
  }

  dispose(): void {
    for (const signal of SIGNALS) process.off(signal, this.handler)
  }
}

function exitCodeOf(signal: StopSignal): number {
  return 128 + constants.signals[signal]
}
