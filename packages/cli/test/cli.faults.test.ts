/**
 * Fault injection through the real CLI: every output path (`map -o`,
 * `map --rejects`, `map` stdout, `compile -o`, `compile` stdout, `check`
 * stdout) × where it fails (the first write: a full disk; the last write: a
 * disk one page short of the output; putting the finished file in place: an
 * immutable target) × how `map` reads (1 worker, 2 workers, stdin).
 *
 * Every case: exit 1, one `mapdown:` line naming the output and the OS error,
 * no stack trace, no output file that looks complete (a file target is absent
 * or unchanged, no temporary file left), and `--stats` never claims lines that
 * did not reach the output.
 *
 * Full disks are small tmpfs mounts, which needs root (CI runs as root); the
 * cases that need them are skipped, with the reason in their name, otherwise.
 * `/dev/full` cases run everywhere.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mixedLines } from './helpers/generate.js'
import { BIN, REPO_ROOT } from './helpers/run-cli.js'

const DICTIONARIES = fileURLToPath(new URL('./fixtures/_dictionaries', import.meta.url))
const REPO_DICTIONARIES = join(REPO_ROOT, 'dictionaries')
const PAGE = 4096
// Each case is a whole CLI run on a shared, loaded machine: generous, never a measure of speed.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

/** Why tmpfs cases cannot run here, or undefined when they can. */
const tmpfsUnavailable = ((): string | undefined => {
  if (process.platform !== 'linux') return 'tmpfs mounts need Linux'
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs as root)'
  const probe = mkdtempSync(join(tmpdir(), 'mapdown-tmpfs-probe-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${PAGE}`, 'tmpfs', probe])
  if (mounted.status !== 0) {
    rmSync(probe, { recursive: true, force: true })
    return `mount -t tmpfs failed: ${mounted.stderr.toString().trim() || mounted.error?.message}`
  }
  const chattr = spawnSync('sh', ['-c', `touch "${probe}/f" && chattr +i "${probe}/f"`])
  spawnSync('umount', [probe])
  rmSync(probe, { recursive: true, force: true })
  return chattr.status === 0 ? undefined : 'chattr +i is not available on tmpfs here'
})()
const onTmpfs = tmpfsUnavailable === undefined ? '' : ` (skipped: ${tmpfsUnavailable})`

const mounts: string[] = []
const folders: string[] = []
function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'mapdown-faults-'))
  folders.push(path)
  return path
}
/** A tmpfs of `pages` pages (at least one: size=0 would mean no limit). */
function tmpfs(pages: number): string {
  const dir = folder()
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.max(1, pages) * PAGE}`, 'tmpfs', dir])
  mounts.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir])
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

let work = ''
let input = ''
let inputBytes: Buffer
let ir = ''
beforeAll(async () => {
  work = folder()
  input = join(work, 'events.ndjson')
  // About 3 MB: several batches, so that the last write is not the first.
  inputBytes = Buffer.from(mixedLines(12_000).join('\n') + '\n')
  writeFileSync(input, inputBytes)
  ir = join(work, 'ir.json')
  const compiled = await run(['compile', DICTIONARIES, '-o', ir])
  expect(compiled.exit).toBe(0)
})

interface Run {
  readonly exit: number | null
  readonly stderr: string
}

/** Runs the CLI; stdout goes to the file `stdoutPath` (default: discarded); `stdin` is sent and closed. */
function run(args: readonly string[], options: { stdin?: Buffer; stdoutPath?: string } = {}): Promise<Run> {
  const stdoutFd = openSync(options.stdoutPath ?? '/dev/null', 'w')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: work, stdio: ['pipe', stdoutFd, 'pipe'] })
    closeSync(stdoutFd)
    const stderr: Buffer[] = []
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', (exit) => resolve({ exit, stderr: Buffer.concat(stderr).toString('utf8') }))
    child.stdin?.on('error', () => {})
    child.stdin?.end(options.stdin)
  })
}

/** One line `mapdown: <output>: <what>`, nothing that looks like a stack trace. */
function expectOneErrorLine(result: Run, output: string, reason: RegExp): void {
  expect(result.exit, result.stderr).toBe(1)
  const lines = result.stderr.split('\n').filter((line) => line.startsWith('mapdown:'))
  expect(lines, result.stderr).toHaveLength(1)
  expect(lines[0]).toContain(`mapdown: ${output}: `)
  expect(lines[0]).toMatch(reason)
  expect(result.stderr).not.toMatch(/^\s+at .*\d+:\d+\)?$/m)
  expect(result.stderr).not.toMatch(/\b(Error|ERR_[A-Z_]+)\b.*\n\s+at /)
}

interface Stats {
  read: number
  mapped: number
  rejected: number
  outcome?: string
  written?: { out: number; rejects?: number }
}
function statsOf(result: Run): Stats {
  const line = result.stderr.split('\n').find((text) => text.startsWith('{'))
  expect(line, result.stderr).toBeDefined()
  return JSON.parse(line as string) as Stats
}

/** Whole lines in `path` (a half line at the end is not counted), 0 when absent. */
function wholeLines(path: string): number {
  if (!existsSync(path)) return 0
  const text = readFileSync(path, 'utf8')
  return text.length === 0 ? 0 : text.split('\n').length - 1
}

/** Files in `dir` other than `keep`: none may be left behind (no target, no temporary file). */
function leftovers(dir: string, keep: readonly string[] = []): string[] {
  return readdirSync(dir).filter((name) => !keep.includes(name))
}

type Mode = '1 worker' | '2 workers' | 'stdin'
const MODES: readonly Mode[] = ['1 worker', '2 workers', 'stdin']

function mapArgs(mode: Mode): { args: string[]; stdin?: Buffer } {
  if (mode === 'stdin') return { args: ['map', '-d', ir], stdin: inputBytes }
  return { args: ['map', '-d', ir, input, '--workers', mode === '1 worker' ? '1' : '2'] }
}

type Output = 'map -o' | 'map --rejects' | 'map stdout' | 'compile -o' | 'compile stdout' | 'check stdout'
type Fault = 'first write' | 'last write' | 'rename'

/** The size of each output when nothing fails, to size the disks (rejects name their input: the size depends on the mode). */
const sizes = new Map<string, number>()
async function referenceSize(output: Output, mode: Mode): Promise<number> {
  const key = `${output} ${mode}`
  const known = sizes.get(key)
  if (known !== undefined) return known
  const dir = folder()
  const target = join(dir, 'out.ndjson')
  const { args, stdin } = command(output, mode, target)
  const result = await run(args, { ...(stdin === undefined ? {} : { stdin }), stdoutPath: output.endsWith('stdout') ? target : '/dev/null' })
  expect(result.exit, result.stderr).toBe(0)
  const size = statSync(target).size
  sizes.set(key, size)
  return size
}

/** The command writing `output` to `target` (for stdout: the file stdout is redirected to). */
function command(output: Output, mode: Mode, target: string): { args: string[]; stdin?: Buffer; other?: string } {
  switch (output) {
    case 'map -o': {
      const { args, stdin } = mapArgs(mode)
      return { args: [...args, '-o', target, '--stats'], ...(stdin === undefined ? {} : { stdin }) }
    }
    case 'map --rejects': {
      // The mapped output goes to a healthy disk: it must not appear either, the run failed.
      const other = join(folder(), 'mapped.ndjson')
      const { args, stdin } = mapArgs(mode)
      return { args: [...args, '--rejects', target, '-o', other, '--stats'], ...(stdin === undefined ? {} : { stdin }), other }
    }
    case 'map stdout': {
      const { args, stdin } = mapArgs(mode)
      return { args: [...args, '--stats'], ...(stdin === undefined ? {} : { stdin }) }
    }
    case 'compile -o':
      return { args: ['compile', REPO_DICTIONARIES, '-o', target] }
    case 'compile stdout':
      return { args: ['compile', REPO_DICTIONARIES] }
    case 'check stdout':
      return { args: ['check', REPO_DICTIONARIES] }
  }
}

const OUTPUTS: readonly Output[] = ['map -o', 'map --rejects', 'map stdout', 'compile -o', 'compile stdout', 'check stdout']

/** Every case, with the modes that apply (compile and check read no events). */
function matrix(faults: readonly Fault[]): Array<[Output, Fault, Mode | '-']> {
  const cases: Array<[Output, Fault, Mode | '-']> = []
  for (const output of OUTPUTS) {
    for (const fault of faults) {
      // stdout is never renamed: it is written in place, and its last write is its last point of failure.
      if (fault === 'rename' && output.endsWith('stdout')) continue
      if (output.startsWith('map')) for (const mode of MODES) cases.push([output, fault, mode])
      else cases.push([output, fault, '-'])
    }
  }
  return cases
}

async function faultCase(output: Output, fault: Fault, mode: Mode | '-'): Promise<void> {
  const size = await referenceSize(output, mode === '-' ? 'stdin' : mode)
  const pages = Math.ceil(size / PAGE)
  expect(pages, 'the output must span pages for its last write to differ from its first').toBeGreaterThan(2)
  // first write: no room at all; last write: room for all but the last page of the output; rename: room to spare.
  const disk = fault === 'first write' ? tmpfs(1) : fault === 'last write' ? tmpfs(pages - 1) : tmpfs(2 * pages + 4)
  if (fault === 'first write') writeFileSync(join(disk, 'filler'), Buffer.alloc(PAGE))
  const target = join(disk, output.endsWith('stdout') ? 'stdout.txt' : 'out.ndjson')
  const keep = fault === 'first write' ? ['filler'] : []
  if (fault === 'rename') {
    // An immutable file: writing beside it works, replacing it does not (EPERM, even for root).
    writeFileSync(target, 'previous\n')
    execFileSync('chattr', ['+i', target])
    keep.push('out.ndjson')
  }
  const { args, stdin, other } = command(output, mode === '-' ? 'stdin' : mode, target)
  const result = await run(args, { ...(stdin === undefined ? {} : { stdin }), ...(output.endsWith('stdout') ? { stdoutPath: target } : {}) })

  const name = output.endsWith('stdout') ? 'stdout' : target
  expectOneErrorLine(result, name, fault === 'rename' ? /cannot put the finished file in place: permission denied$/ : /cannot write: no space left on device$/)
  if (output.endsWith('stdout')) {
    // Written in place: what is there is what the stats may claim, no more.
    expect(leftovers(disk, [...keep, 'stdout.txt'])).toEqual([])
    if (output === 'map stdout') {
      const stats = statsOf(result)
      expect(stats.outcome).toBe('failed')
      expect(stats.written?.out).toBeLessThanOrEqual(wholeLines(target))
    }
    return
  }
  expect(leftovers(disk, keep)).toEqual([])
  if (fault === 'rename') expect(readFileSync(target, 'utf8')).toBe('previous\n')
  expectNothingWritten(result, output, other)
}

/** A failed file output leaves no companion file behind, and `--stats` claims nothing was written. */
function expectNothingWritten(result: Run, output: Output, other: string | undefined): void {
  if (other !== undefined) expect(existsSync(other)).toBe(false)
  if (!output.startsWith('map')) return
  const stats = statsOf(result)
  expect(stats.outcome).toBe('failed')
  expect(stats.written?.out).toBe(0)
  if (output === 'map --rejects') expect(stats.written?.rejects).toBe(0)
}

describe(`mapdown on a disk that fills up or refuses the rename${onTmpfs}`, () => {
  it.skipIf(tmpfsUnavailable !== undefined).each(matrix(['first write', 'last write', 'rename']))(
    '%s, failing at the %s (%s): exit 1, one line, no complete-looking output',
    faultCase,
  )
})

describe('mapdown writing to /dev/full', () => {
  const cases: Array<[Output, Mode | '-']> = [
    ...MODES.map((mode): [Output, Mode] => ['map -o', mode]),
    ...MODES.map((mode): [Output, Mode] => ['map --rejects', mode]),
    ...MODES.map((mode): [Output, Mode] => ['map stdout', mode]),
    ['compile -o', '-'],
    ['compile stdout', '-'],
    ['check stdout', '-'],
  ]
  it.each(cases)('%s (%s): exit 1, one line naming it, stats claim nothing written', async (output, mode) => {
    const target = '/dev/full'
    const { args, stdin, other } = command(output, mode === '-' ? 'stdin' : mode, target)
    const result = await run(args, { ...(stdin === undefined ? {} : { stdin }), ...(output.endsWith('stdout') ? { stdoutPath: '/dev/full' } : {}) })
    expectOneErrorLine(result, output.endsWith('stdout') ? 'stdout' : '/dev/full', /cannot write: no space left on device$/)
    expectNothingWritten(result, output, other)
  })

  it('--help > /dev/full: exit 1, one line, no stack trace', async () => {
    const result = await run(['--help'], { stdoutPath: '/dev/full' })
    expectOneErrorLine(result, 'stdout', /cannot write: no space left on device$/)
  })
})

describe('mapdown map with clashing paths', () => {
  it.each([
    ['-o equal to --rejects', ['-o', 'both.ndjson', '--rejects', 'both.ndjson'], /`-o both.ndjson` and `--rejects both.ndjson` name the same file/],
    ['-o equal to --rejects, spelled differently', ['-o', 'both.ndjson', '--rejects', './sub/../both.ndjson'], /`-o both.ndjson` and `--rejects .\/sub\/..\/both.ndjson` name the same file/],
    ['-o equal to the input', ['same.ndjson', '-o', 'same.ndjson'], /`-o same.ndjson` is also an input/],
    ['-o equal to the input as ./x', ['same.ndjson', '-o', './same.ndjson'], /`-o .\/same.ndjson` is also an input/],
    ['-o a symbolic link to the input', ['same.ndjson', '-o', 'link.ndjson'], /`-o link.ndjson` is also an input \(`same.ndjson`, through a link\)/],
    ['--rejects a hard link to the input', ['same.ndjson', '--rejects', 'hard.ndjson'], /`--rejects hard.ndjson` is also an input \(`same.ndjson`, through a link\)/],
    ['-o equal to the IR file', ['same.ndjson', '-o', 'ir.json'], /`-o ir.json` is also an input/],
  ])('should refuse %s with exit 2, before anything is read or written', async (_name, extra, message) => {
    const dir = folder()
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'same.ndjson'), inputBytes)
    writeFileSync(join(dir, 'ir.json'), readFileSync(ir))
    execFileSync('ln', ['-s', 'same.ndjson', join(dir, 'link.ndjson')])
    execFileSync('ln', [join(dir, 'same.ndjson'), join(dir, 'hard.ndjson')])
    const before = readdirSync(dir).sort()
    const result = await new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'map', '-d', 'ir.json', ...extra], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
      const stderr: Buffer[] = []
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
      child.on('close', (exit) => resolve({ exit, stderr: Buffer.concat(stderr).toString('utf8') }))
    })
    expect(result.exit).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(readdirSync(dir).sort()).toEqual(before)
    // Buffer.equals: a deep toEqual over 3 MB of bytes took most of a minute per case.
    expect(readFileSync(join(dir, 'same.ndjson')).equals(inputBytes), 'the input is unchanged').toBe(true)
  })

  it('should allow /dev/null as both outputs (devices never clash)', async () => {
    const result = await run(['map', '-d', ir, input, '-o', '/dev/null', '--rejects', '/dev/null'])
    expect(result.exit, result.stderr).toBe(0)
  })
})

describe('mapdown compile, check and map with an output that is a dictionary', () => {
  // lib/ holds the Cloud Funnel driver dictionary and the partials it includes (common/).
  it.each([
    ['compile -o a dictionary of the folder', ['compile', 'lib', '-o', 'lib/driver.md'], /`-o lib\/driver.md` is also an input/],
    ['compile -o the dictionary named', ['compile', 'lib/driver.md', '-o', './lib/driver.md'], /`-o .\/lib\/driver.md` is also an input/],
    ['compile --output a dictionary of the default folder', ['compile', '--output', 'dictionaries/driver.md'], /`--output dictionaries\/driver.md` is also an input/],
    ['compile -o equal to --output', ['compile', 'lib', '-o', 'out.json', '--output', 'out.json'], /`-o out.json` and `--output out.json` name the same file/],
    ['check --output a dictionary of the folder', ['check', 'lib', '--output', 'lib/common/envelope.md'], /`--output lib\/common\/envelope.md` is also an input/],
    ['check --output a partial the named file includes', ['check', 'lib/driver.md', '--output', 'lib/common/envelope.md'], /`--output lib\/common\/envelope.md` is also an input/],
    ['compile -o a partial the named file includes', ['compile', 'lib/driver.md', '-o', 'lib/common/target-file.md'], /`-o lib\/common\/target-file.md` is also an input/],
    ['map -o a dictionary of the folder', ['map', '-d', 'lib', 'events.ndjson', '-o', 'lib/driver.md'], /`-o lib\/driver.md` is also an input/],
  ])('should refuse %s with exit 2 and one line, every file unchanged', async (_name, args, message) => {
    const dir = folder()
    const source = join(REPO_DICTIONARIES, 'sentinelone-cloud-funnel')
    for (const lib of ['lib', 'dictionaries']) {
      mkdirSync(join(dir, lib, 'common'), { recursive: true })
      cpSync(join(source, 'driver.md'), join(dir, lib, 'driver.md'))
      cpSync(join(source, 'common'), join(dir, lib, 'common'), { recursive: true })
    }
    writeFileSync(join(dir, 'events.ndjson'), '{}\n')
    const snapshot = (): string[] =>
      (readdirSync(dir, { recursive: true }) as string[]).sort().map((name) => {
        const path = join(dir, name)
        return statSync(path).isFile() ? `${name} ${readFileSync(path, 'utf8')}` : name
      })
    const before = snapshot()
    const result = await new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
      const stderr: Buffer[] = []
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
      child.on('close', (exit) => resolve({ exit, stderr: Buffer.concat(stderr).toString('utf8') }))
    })
    expect(result.exit, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/^mapdown: /)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(snapshot()).toEqual(before)
  })
})
