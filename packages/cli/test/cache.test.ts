/**
 * The compile cache of `mapdown map` (src/dictionaries/cache.ts): a hit gives
 * the IR a compile gave, and anything that could make it stale, corrupt or
 * someone else's makes it a miss, never an error.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { cacheFolder, lookUp, store } from '../src/dictionaries/cache.js'
import { runCli } from './helpers/run-cli.js'

vi.setConfig({ testTimeout: 300_000 })

const folders: string[] = []
function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'mapdown-cache-'))
  folders.push(path)
  return path
}
afterAll(() => {
  for (const path of folders) rmSync(path, { recursive: true, force: true })
})

/** Dictionaries in a folder: `a.md` includes `parts/p.md`; `README.md` is not one. */
function project(): { cwd: string; cache: string } {
  const cwd = folder()
  mkdirSync(join(cwd, 'dicts', 'parts'), { recursive: true })
  writeFileSync(join(cwd, 'dicts', 'a.md'), 'a v1')
  writeFileSync(join(cwd, 'dicts', 'parts', 'p.md'), 'partial v1')
  writeFileSync(join(cwd, 'dicts', 'README.md'), 'readme')
  return { cwd, cache: join(folder(), 'mapdown') }
}

/** As loadMapping stores a compile: the files the compiler read, with their text. */
function compiled(cwd: string): Array<{ path: string; text: string }> {
  return ['dicts/a.md', 'dicts/parts/p.md'].map((path) => ({ path: join(cwd, path), text: readFileSync(join(cwd, path), 'utf8') }))
}

async function storeAndLookUp(cwd: string, cache: string, irJson = '{"irVersion":3}\n'): Promise<void> {
  const miss = await lookUp(['dicts'], cwd, cache)
  expect(miss?.irJson).toBeUndefined()
  await store(miss!, compiled(cwd), irJson)
}

describe('the compile cache', () => {
  it('should give back the IR stored for the same files, and miss when a listed or an included file changes', async () => {
    const { cwd, cache } = project()
    await storeAndLookUp(cwd, cache)
    expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBe('{"irVersion":3}\n')
    // The README is not a dictionary: not part of the key.
    writeFileSync(join(cwd, 'dicts', 'README.md'), 'changed')
    expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBe('{"irVersion":3}\n')
    writeFileSync(join(cwd, 'dicts', 'parts', 'p.md'), 'partial v2')
    expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBeUndefined()
    writeFileSync(join(cwd, 'dicts', 'parts', 'p.md'), 'partial v1')
    expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBe('{"irVersion":3}\n')
    writeFileSync(join(cwd, 'dicts', 'b.md'), 'a new dictionary')
    expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBeUndefined()
  })

  it('should key on the paths as given and the working folder (IR paths are relative to it)', async () => {
    const { cwd, cache } = project()
    await storeAndLookUp(cwd, cache)
    expect((await lookUp(['dicts/a.md'], cwd, cache))?.irJson).toBeUndefined()
    expect((await lookUp([join(cwd, 'dicts')], join(cwd, 'dicts'), cache))?.irJson).toBeUndefined()
  })

  it('should not store a compile of files that changed while it ran', async () => {
    const { cwd, cache } = project()
    const miss = await lookUp(['dicts'], cwd, cache)
    const read = compiled(cwd)
    writeFileSync(join(cwd, 'dicts', 'a.md'), 'a v2')
    await store(miss!, read, '{}')
    writeFileSync(join(cwd, 'dicts', 'a.md'), 'a v1')
    expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBeUndefined()
    // A compiled text that is not what the file holds (read with replacements, say) is not stored either.
    await store(miss!, [{ path: join(cwd, 'dicts', 'a.md'), text: 'a v1\uFFFD' }], '{}')
    expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBeUndefined()
  })

  it('should ignore an entry that is truncated, altered or not an entry', async () => {
    const { cwd, cache } = project()
    await storeAndLookUp(cwd, cache, '{"irVersion":3,"dictionaries":[]}\n')
    const [name] = readdirSync(cache)
    const entry = join(cache, name!)
    const whole = readFileSync(entry, 'utf8')
    for (const broken of [whole.slice(0, -5), whole.replace('"dictionaries":[]', '"dictionaries":[{}]'), 'not json\n{}', '']) {
      writeFileSync(entry, broken)
      expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBeUndefined()
    }
    writeFileSync(entry, whole)
    expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBe('{"irVersion":3,"dictionaries":[]}\n')
  })

  it('should write entries atomically in a folder of its own that others cannot write to, and use no other', async () => {
    const { cwd, cache } = project()
    await storeAndLookUp(cwd, cache)
    const names = readdirSync(cache)
    expect(names).toHaveLength(1)
    expect(names[0]).toMatch(/^ir-[0-9a-f]{64}\.json$/)
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs')
      expect(statSync(cache).mode & 0o777).toBe(0o700)
      expect(statSync(join(cache, names[0]!)).mode & 0o777).toBe(0o600)
      chmodSync(cache, 0o777)
      expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBeUndefined()
      chmodSync(cache, 0o700)
      expect((await lookUp(['dicts'], cwd, cache))?.irJson).toBe('{"irVersion":3}\n')
    }
  })

  it('should live under $XDG_CACHE_HOME when it is an absolute path, else under ~/.cache', () => {
    expect(cacheFolder({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/mapdown')
    expect(cacheFolder({ XDG_CACHE_HOME: 'relative' })).toMatch(/[/\\]\.cache[/\\]mapdown$/)
    expect(cacheFolder({})).toMatch(/[/\\]\.cache[/\\]mapdown$/)
  })
})

describe('mapdown map and the compile cache', () => {
  it('should map the same bytes from a cached compile, write no entry with --no-cache, and cache no dictionary with errors', async () => {
    const cwd = folder()
    const xdg = join(cwd, 'xdg')
    mkdirSync(join(cwd, 'dicts'))
    const source = readFileSync(new URL('./fixtures/_dictionaries/tcp.md', import.meta.url))
    writeFileSync(join(cwd, 'dicts', 'tcp.md'), source)
    const event = { tcpv4: { sourceAddress: { port: 1, address: '10.0.0.1' }, destinationAddress: { port: 2, address: '10.0.0.2' }, source: { fullPid: { pid: 3 } } }, timestamp: { millisecondsSinceEpoch: 1571933515865 } }
    const events = (JSON.stringify(event) + '\n').repeat(3)
    const env = { XDG_CACHE_HOME: xdg }
    const map = (...extra: string[]) => runCli(['map', '-d', 'dicts', '--stats', ...extra], { cwd, stdin: Buffer.from(events), env })
    const cold = await map('--no-cache')
    expect(cold.exit).toBe(0)
    expect(() => readdirSync(join(xdg, 'mapdown'))).toThrow()
    const first = await map()
    const second = await map()
    expect(readdirSync(join(xdg, 'mapdown'))).toHaveLength(1)
    for (const run of [first, second]) {
      expect(run.exit).toBe(0)
      expect(run.stdout).toBe(cold.stdout)
      expect(run.stderr.replace(/"elapsedMs".*/, '')).toBe(cold.stderr.replace(/"elapsedMs".*/, ''))
    }
    expect(cold.stdout.split('\n')).toHaveLength(4)
    writeFileSync(join(cwd, 'dicts', 'tcp.md'), source.toString('utf8').replace(/^---\n/, '---\nbroken: [\n'))
    const broken = await map()
    expect(broken.exit).toBe(1)
    expect(readdirSync(join(xdg, 'mapdown'))).toHaveLength(1)
  })
})
