/**
 * Runs the built CLI (`packages/cli/dist/bin.js`) as a child process with a
 * bound on the CPU time it may use (RLIMIT_CPU, set by `ulimit -t` in the
 * shell that execs node: the kernel counts every thread of the process and
 * sends SIGXCPU, then SIGKILL), so that an input that hangs mapdown fails its
 * test instead of hanging the suite. CPU time, not wall-clock time: on two
 * cores at a load of 30 a case that needs 7 s of CPU took over 20 s of wall
 * clock, and a wall-clock bound failed a correct run. The bound is a promise
 * about hangs, not a speed test. A child blocked without using CPU is caught
 * by a wall-clock backstop far above any loaded run (BLOCKED_BOUND_SECONDS).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const BIN = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url))

/** No hostile case may use more CPU time than this (seconds, all threads). */
export const HANG_BOUND_SECONDS = 20
/** Backstop for a child that blocks without using CPU (seconds of wall clock). */
export const BLOCKED_BOUND_SECONDS = 1200
/**
 * vitest's timeout for a test that runs bounded children (up to two): above the
 * backstop, so that the CPU bound decides, never the load of the machine.
 */
export const BOUNDED_TEST_TIMEOUT_MS = 2 * BLOCKED_BOUND_SECONDS * 1000 + 60_000

export interface BoundedRun {
  readonly exit: number | null
  /** True when the child used more than its CPU time, or blocked past the backstop. */
  readonly timedOut: boolean
  readonly stdout: string
  readonly stderr: string
}

export function runCliBounded(args: readonly string[], cwd: string, timeoutSeconds = HANG_BOUND_SECONDS): BoundedRun {
  if (!existsSync(BIN)) throw new Error(`Missing ${BIN}: run \`pnpm build\` first`)
  const result = spawnSync('sh', ['-c', cpuLimited(timeoutSeconds), process.execPath, BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: BLOCKED_BOUND_SECONDS * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  })
  const blocked = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT'
  const overCpu = result.signal === 'SIGXCPU' || result.signal === 'SIGKILL'
  return { exit: result.status, timedOut: blocked || overCpu, stdout: result.stdout ?? '', stderr: result.stderr ?? '' }
}

/**
 * A shell script that sets RLIMIT_CPU and execs its arguments (`$0 "$@"`): the
 * soft limit sends SIGXCPU after `seconds` of CPU, the hard one SIGKILL 5 s later.
 */
export function cpuLimited(seconds: number): string {
  return `ulimit -S -t ${Math.ceil(seconds)} && ulimit -H -t ${Math.ceil(seconds) + 5} && exec "$0" "$@"`
}
