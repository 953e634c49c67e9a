/**
 * SIGTERM and SIGINT during `mapdown map`, into a file and into a pipe.
 * Input comes through stdin, which the test holds open, so the signal always
 * arrives mid-run whatever the machine's load: the property checked (whole
 * lines only, no output file put in place, stats that match what was written,
 * exit 128 + signal) does not depend on when it arrives.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { mixedLines } from './helpers/generate.js'
import { BIN } from './helpers/run-cli.js'

vi.setConfig({ testTimeout: 300_000 })

const DICTIONARIES = fileURLToPath(new URL('./fixtures/_dictionaries', import.meta.url))
const folders: string[] = []
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

/** About 3 MB: several 1 MiB batches. */
const CHUNK = Buffer.from(mixedLines(12_000).join('\n') + '\n')

interface Stopped {
  exit: number | null
  stdout: string
  stderr: string
}

/**
 * Starts `map` reading stdin, feeds it until `ready()` says the run is under
 * way (output seen), then sends `signal` and closes nothing: the process must
 * stop by itself.
 */
function interrupt(args: string[], signal: NodeJS.Signals, ready: (stdoutBytes: number) => boolean, cwd: string): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'map', '-d', DICTIONARIES, ...args, '--stats'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let stdoutBytes = 0
    let sent = false
    const trySignal = () => {
      if (!sent && ready(stdoutBytes)) {
        sent = true
        child.kill(signal)
      }
    }
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk)
      stdoutBytes += chunk.length
      trySignal()
    })
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.stdin.on('error', () => {})
    // Keep feeding (never ending stdin) until the signal is sent.
    const feed = () => {
      if (sent || child.exitCode !== null) return
      trySignal()
      if (sent) return
      if (child.stdin.write(CHUNK)) setImmediate(feed)
      else child.stdin.once('drain', feed)
    }
    const poll = setInterval(trySignal, 50)
    feed()
    child.on('error', reject)
    child.on('close', (exit) => {
      clearInterval(poll)
      resolve({ exit, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') })
    })
  })
}

function statsOf(stderr: string): { read: number; outcome?: string; written?: { out: number; rejects?: number } } {
  const line = stderr.split('\n').find((text) => text.startsWith('{'))
  expect(line, stderr).toBeDefined()
  return JSON.parse(line as string)
}

const SIGNALS: Array<[NodeJS.Signals, number]> = [
  ['SIGTERM', 143],
  ['SIGINT', 130],
]

describe('mapdown map interrupted, writing into a pipe', () => {
  it.each(SIGNALS)('%s: whole lines only, stats that count exactly the lines received, exit %i', async (signal, code) => {
    const cwd = mkdtempSync(join(tmpdir(), 'mapdown-signals-'))
    folders.push(cwd)
    const result = await interrupt([], signal, (bytes) => bytes > 0, cwd)
    expect(result.exit, result.stderr).toBe(code)
    expect(result.stdout.length).toBeGreaterThan(0)
    expect(result.stdout.endsWith('\n')).toBe(true)
    const lines = result.stdout.slice(0, -1).split('\n')
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
    const stats = statsOf(result.stderr)
    expect(stats.outcome).toBe('interrupted')
    expect(stats.written?.out).toBe(lines.length)
    expect(result.stderr).toContain(`mapdown: interrupted by ${signal}`)
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })
})

describe('mapdown map interrupted, writing into files', () => {
  it.each(SIGNALS)('%s: no output file put in place, no temporary file left, exit %i', async (signal, code) => {
    const cwd = mkdtempSync(join(tmpdir(), 'mapdown-signals-'))
    folders.push(cwd)
    // Signal once the temporary output has received a batch.
    const started = () => readdirSync(cwd).some((name) => name.startsWith('.out.ndjson.'))
    let polls = 0
    const result = await interrupt(['-o', 'out.ndjson', '--rejects', 'rejects.ndjson'], signal, () => started() && ++polls > 2, cwd)
    expect(result.exit, result.stderr).toBe(code)
    expect(existsSync(join(cwd, 'out.ndjson'))).toBe(false)
    expect(existsSync(join(cwd, 'rejects.ndjson'))).toBe(false)
    expect(readdirSync(cwd)).toEqual([])
    const stats = statsOf(result.stderr)
    expect(stats.outcome).toBe('interrupted')
    expect(stats.written).toEqual({ out: 0, rejects: 0 })
    expect(result.stderr).toContain(`mapdown: interrupted by ${signal} after ${stats.read} lines; not written: out.ndjson, rejects.ndjson`)
  })
})
