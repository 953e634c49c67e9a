/**
 * The progress line `mapdown map` keeps up to date on stderr while it runs,
 * only when stderr is a terminal (never in logs or pipes).
 */
import type { MapCounts } from './counts.js'

export interface ProgressTarget {
  write(text: string): unknown
}

export class ProgressLine {
  private readonly target: ProgressTarget
  private readonly counts: MapCounts
  private readonly now: () => number
  private readonly started: number
  private timer: ReturnType<typeof setInterval> | undefined
  private shown = false

  constructor(target: ProgressTarget, counts: MapCounts, now: () => number = () => performance.now()) {
    this.target = target
    this.counts = counts
    this.now = now
    this.started = now()
  }

  /** Redraws every `intervalMs`; the timer never keeps the process alive. */
  start(intervalMs = 250): void {
    this.timer = setInterval(() => this.draw(), intervalMs)
    this.timer.unref()
  }

  /** Draws the current line (carriage return, no newline). */
  draw(): void {
    this.target.write(`\r\u001b[K${this.text()}`)
    this.shown = true
  }

  /** Stops and erases the line, so that what follows on stderr starts clean. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
    this.timer = undefined
    if (this.shown) this.target.write('\r\u001b[K')
    this.shown = false
  }

  text(): string {
    const { read, mapped, rejected } = this.counts
    const seconds = Math.max((this.now() - this.started) / 1000, 1e-3)
    const rate = Math.round(read / seconds)
    return `mapdown: ${group(read)} read, ${group(mapped)} mapped, ${group(rejected)} rejected (${group(rate)} lines/s)`
  }
}

function group(value: number): string {
  return value.toLocaleString('en-US')
}
