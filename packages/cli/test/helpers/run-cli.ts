/** Spawns the built CLI (`packages/cli/dist/bin.js`) the way a user runs it. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url))

export interface CliRun {
  readonly stdout: string
  readonly stderr: string
  readonly exit: number | null
}

export function runCli(args: readonly string[], options: { cwd: string; stdin?: Buffer | undefined; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      // No colours, whatever the terminal running the tests supports.
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', (exit) =>
      resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), exit }),
    )
    child.stdin.on('error', () => {})
    child.stdin.end(options.stdin)
  })
}

/** Makes `--stats` lines comparable: elapsed time and rate vary between identical runs. */
export function normaliseTimings(text: string): string {
  return text.replace(/"elapsedMs":\d+,"eventsPerSecond":\d+/g, '"elapsedMs":0,"eventsPerSecond":0')
}
