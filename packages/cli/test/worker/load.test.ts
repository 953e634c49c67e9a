/**
 * `mapdown worker` without the optional @mapdown/worker package: the built CLI is
 * copied into a temporary node_modules that holds every other package, and run there.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { loadWorkerPackage } from '../../src/worker/load.js'
import { REPO_ROOT } from '../helpers/run-cli.js'
import { spawnSync } from 'node:child_process'

const ARGS = ['worker', '--stream', 'S', '--consumer', 'c', '--out-subject', 'o', '--dlq-subject', 'q', '-d', 'none.md']

function notFound(specifier: string): Error {
  return Object.assign(new Error(`Cannot find package '${specifier}' imported from /somewhere/index.js`), { code: 'ERR_MODULE_NOT_FOUND' })
}

describe('loadWorkerPackage', () => {
  it('should say how to install @mapdown/worker when it is missing', async () => {
    const loading = loadWorkerPackage(() => Promise.reject(notFound('@mapdown/worker')))
    await expect(loading).rejects.toBeInstanceOf(InputError)
    await expect(loading).rejects.toThrow('the `worker` command needs the @mapdown/worker package, which is not installed (npm install @mapdown/worker)')
  })

  it('should name what the installed package misses', async () => {
    await expect(loadWorkerPackage(() => Promise.reject(notFound('@nats-io/jetstream')))).rejects.toThrow(
      '@mapdown/worker is installed but cannot be loaded: `@nats-io/jetstream` is missing (reinstall @mapdown/worker)',
    )
  })

  it('should not hide other errors', async () => {
    const error = new SyntaxError('Unexpected token')
    await expect(loadWorkerPackage(() => Promise.reject(error))).rejects.toBe(error)
  })

  it('should load the package when it is there', async () => {
    expect(typeof (await loadWorkerPackage()).startWorker).toBe('function')
  })
})

describe('the built CLI without @mapdown/worker', () => {
  let root: string
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'mapdown-no-worker-'))
    const scope = join(root, 'node_modules', '@mapdown')
    mkdirSync(join(scope, 'cli'), { recursive: true })
    cpSync(join(REPO_ROOT, 'packages/cli/dist'), join(scope, 'cli/dist'), { recursive: true })
    cpSync(join(REPO_ROOT, 'packages/cli/package.json'), join(scope, 'cli/package.json'))
    for (const name of ['compiler', 'engine', 'ir']) symlinkSync(join(REPO_ROOT, 'packages', name), join(scope, name), 'dir')
    // The CLI's own third-party dependencies (vfile, ...), as an install would put them beside it.
    for (const name of readdirSync(join(REPO_ROOT, 'packages/cli/node_modules'))) {
      if (name !== '@mapdown' && !name.startsWith('.')) symlinkSync(join(REPO_ROOT, 'packages/cli/node_modules', name), join(root, 'node_modules', name), 'dir')
    }
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('should still run, and refuse `worker` with one clear line, exit 1', () => {
    const bin = join(root, 'node_modules/@mapdown/cli/dist/bin.js')
    const version = spawnSync(process.execPath, [bin, '--version'], { cwd: root, encoding: 'utf8' })
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string }).version)

    const worker = spawnSync(process.execPath, [bin, ...ARGS], { cwd: root, encoding: 'utf8' })
    expect({ exit: worker.status, stderr: worker.stderr }).toEqual({
      exit: 1,
      stderr: 'mapdown: the `worker` command needs the @mapdown/worker package, which is not installed (npm install @mapdown/worker)\n',
    })
    // Its help needs no package: the command line is the CLI's.
    expect(spawnSync(process.execPath, [bin, 'worker', '--help'], { cwd: root, encoding: 'utf8' }).stdout).toContain('Usage: mapdown worker')
  })
})

describe('@mapdown/cli dependencies', () => {
  it('should not depend on a NATS client', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>
    const all = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies })
    expect(all.filter((name) => name.startsWith('@nats-io/'))).toEqual([])
    expect(manifest.peerDependenciesMeta).toEqual({ '@mapdown/worker': { optional: true } })
  })
})
