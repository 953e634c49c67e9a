/**
 * Runs one whole process and measures it: wall time from spawn to exit, and
 * peak resident memory. Peak RSS comes from GNU time (`/usr/bin/time -v`,
 * "Maximum resident set size", which covers the process and its threads);
 * without it, from polling /proc/<pid>/status VmHWM, which can miss nothing
 * since VmHWM is itself a high-water mark, but only while the process lives,
 * so the last poll before exit is what is reported.
 */
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'

export interface ProcessRun {
  wallMs: number
  /** Peak resident set size in bytes, or null when it could not be measured. */
  peakRssBytes: number | null
  exitCode: number | null
  stderr: string
}

export interface ProcessSpec {
  command: string
  args: readonly string[]
  /** When set, the process's stdout goes to this file (for tools such as jq that only write to stdout). */
  stdoutFile?: string
  cwd?: string
  /** Variables added to the harness's environment. */
  env?: Readonly<Record<string, string>>
}

const GNU_TIME = '/usr/bin/time'
export const hasGnuTime = (): boolean => existsSync(GNU_TIME)

export async function runProcess(spec: ProcessSpec): Promise<ProcessRun> {
  const useTime = hasGnuTime()
  const command = useTime ? GNU_TIME : spec.command
  const args = useTime ? ['-v', spec.command, ...spec.args] : [...spec.args]
  const stdoutFd = spec.stdoutFile === undefined ? 'ignore' : openSync(spec.stdoutFile, 'w')
  const started = process.hrtime.bigint()
  const env = spec.env === undefined ? undefined : { ...process.env, ...spec.env }
  const child = spawn(command, args, { cwd: spec.cwd, env, stdio: ['ignore', stdoutFd, 'pipe'] })
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    // Keep the tail only: a chatty process must not grow the harness's memory.
    stderr = (stderr + chunk).slice(-64_000)
  })
  let polledHwm: number | null = null
  const poll = useTime
    ? null
    : setInterval(() => {
        const hwm = readVmHwm(child.pid)
        if (hwm !== null) polledHwm = Math.max(polledHwm ?? 0, hwm)
      }, 20)
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve(code))
  })
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  if (poll !== null) clearInterval(poll)
  if (typeof stdoutFd === 'number') closeSync(stdoutFd)
  const peakRssBytes = useTime ? parseGnuTimeRss(stderr) : polledHwm
  return { wallMs, peakRssBytes, exitCode, stderr: useTime ? stripGnuTimeReport(stderr) : stderr }
}

/** "Maximum resident set size (kbytes): 123456" from `time -v`. */
export function parseGnuTimeRss(stderr: string): number | null {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
  return match ? Number(match[1]) * 1024 : null
}

/**
 * The process's own stderr, without GNU time's report (which starts with
 * "\tCommand being timed:", preceded by "Command exited with non-zero status N"
 * when the process failed).
 */
export function stripGnuTimeReport(stderr: string): string {
  const at = stderr.lastIndexOf('\tCommand being timed:')
  return at < 0 ? stderr : stderr.slice(0, at).replace(/Command exited with non-zero status \d+\n$/, '')
}

function readVmHwm(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : null
  } catch {
    return null // the process has exited between polls
  }
}
