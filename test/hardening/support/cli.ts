/**
 * Runs the built CLI (`packages/cli/dist/bin.js`) as a child process with a
 * time bound, so that an input that hangs mapdown fails its test instead of
 * hanging the suite. The bound is a promise about hangs, not a speed test: it
 * is many times what a case needs on a slow, shared machine.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const BIN = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url))

/** No hostile case may keep mapdown busy longer than this (seconds). */
export const HANG_BOUND_SECONDS = 20

export interface BoundedRun {
  readonly exit: number | null
  readonly timedOut: boolean
  readonly stdout: string
  readonly stderr: string
}

export function runCliBounded(args: readonly string[], cwd: string, timeoutSeconds = HANG_BOUND_SECONDS): BoundedRun {
  if (!existsSync(BIN)) throw new Error(`Missing ${BIN}: run \`pnpm build\` first`)
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  })
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT'
  return { exit: result.status, timedOut, stdout: result.stdout ?? '', stderr: result.stderr ?? '' }
}
