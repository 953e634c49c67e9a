// The packages as a user gets them: @mapdown/engine, @mapdown/compiler and
// @mapdown/cli, with the @mapdown packages they depend on, each packed with
// `pnpm pack` (which rewrites `workspace:*` into the real version), installed
// with npm into an empty project outside this repository (no workspace; the
// third-party dependencies from npm's cache, or the registry for what it does
// not hold yet); then the `mapdown` bin and the embed example run there,
// with the same output as in the repository.

import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** What a user installs; the @mapdown packages these depend on are packed with them. */
const WANTED = ['@mapdown/engine', '@mapdown/compiler', '@mapdown/cli']
const GOLDEN_MAPPED = join(ROOT, 'examples/events/expected/mapped.ndjson')
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc')
/** pnpm as the tests were started with it (`pnpm test`, `npx pnpm@… exec vitest`), else the one on PATH. */
const PNPM = process.env.npm_execpath !== undefined && /pnpm/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['pnpm']

interface Manifest {
  name: string
  version: string
  bin?: Record<string, string>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
  optionalDependencies?: Record<string, string>
}

/** Every workspace package's folder, by name. */
function workspacePackages(): Map<string, string> {
  const folders = new Map<string, string>()
  for (const entry of readdirSync(join(ROOT, 'packages'))) {
    const manifest = join(ROOT, 'packages', entry, 'package.json')
    if (existsSync(manifest)) folders.set((JSON.parse(readFileSync(manifest, 'utf8')) as Manifest).name, join(ROOT, 'packages', entry))
  }
  return folders
}

/** The wanted packages and, transitively, the @mapdown packages they depend on (optional peers aside: `@mapdown/worker`). */
function packagesToPack(folders: ReadonlyMap<string, string>): string[] {
  const found = new Set<string>()
  const visit = (name: string): void => {
    if (found.has(name)) return
    const folder = folders.get(name)
    if (folder === undefined) throw new Error(`${name} is no package of this workspace`)
    found.add(name)
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest
    for (const dependency of Object.keys(manifest.dependencies ?? {})) if (dependency.startsWith('@mapdown/')) visit(dependency)
  }
  for (const name of WANTED) visit(name)
  return [...found].sort()
}

let tmp: string
let project: string
const tarballs = new Map<string, string>()
const manifests = new Map<string, Manifest>()

function run(command: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options, env: { ...process.env, NO_COLOR: '1', ...options.env } })
  if (result.error) throw result.error
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) }
}

function mustRun(command: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }) {
  const result = run(command, args, options)
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`)
  return result
}

beforeAll(() => {
  const folders = workspacePackages()
  const names = packagesToPack(folders)
  for (const name of names) {
    const folder = folders.get(name) as string
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest & { files?: string[] }
    if ((manifest.files ?? []).includes('dist') && !existsSync(join(folder, 'dist'))) throw new Error(`${folder}/dist is missing: run \`pnpm build\` first`)
  }
  tmp = mkdtempSync(join(tmpdir(), 'mapdown-packed-'))
  const packs = join(tmp, 'tarballs')
  mkdirSync(packs)
  for (const name of names) {
    const before = new Set(readdirSync(packs))
    const [command, ...prefix] = PNPM as [string, ...string[]]
    mustRun(command, [...prefix, 'pack', '--pack-destination', packs], { cwd: folders.get(name) as string })
    const tarball = readdirSync(packs).find((file) => !before.has(file))
    if (tarball === undefined) throw new Error(`pnpm pack wrote no tarball for ${name}`)
    const path = join(packs, tarball)
    const manifest = JSON.parse(mustRun('tar', ['-xzOf', path, 'package/package.json'], { cwd: tmp }).stdout) as Manifest
    tarballs.set(manifest.name, path)
    manifests.set(manifest.name, manifest)
  }

  // An empty project far from this repository: npm finds no workspace, no lockfile, no node_modules above it.
  project = join(tmp, 'project')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-mapdown', private: true, type: 'module' }, null, 2))
  // --prefer-offline: what npm's cache holds is taken from it, without asking the registry again.
  mustRun('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...tarballs.values()], { cwd: project })
  cpSync(join(ROOT, 'dictionaries'), join(project, 'dictionaries'), { recursive: true, filter: (source) => !/[/\\](test|scripts|node_modules)$/.test(source) })
  mkdirSync(join(project, 'examples/events'), { recursive: true })
  cpSync(join(ROOT, 'examples/events/events.ndjson'), join(project, 'examples/events/events.ndjson'))
})

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

describe('the packed packages', () => {
  it('should pack with real dependency ranges, never `workspace:`, our own pinned to their version', () => {
    expect([...manifests.keys()]).toEqual(expect.arrayContaining(WANTED))
    for (const manifest of manifests.values()) {
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
        for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
          expect(`${manifest.name} ${field} ${dependency}@${range}`).not.toMatch(/workspace:/)
          // Our packages move together: each depends on exactly the version packed beside it.
          if (dependency.startsWith('@mapdown/')) expect(`${manifest.name} ${field} ${dependency}@${range}`).toBe(`${manifest.name} ${field} ${dependency}@${manifest.version}`)
        }
      }
    }
    expect(manifests.get('@mapdown/cli')?.bin).toEqual({ mapdown: './bin/mapdown.js' })
  })

  it('should install every @mapdown package from the tarballs, none from elsewhere', () => {
    for (const [name, manifest] of manifests) {
      const installed = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as Manifest
      expect(`${installed.name}@${installed.version}`).toBe(`${name}@${manifest.version}`)
    }
    // The optional JetStream worker is not installed: the CLI works without it.
    expect(existsSync(join(project, 'node_modules/@mapdown/worker'))).toBe(false)
  })

  it('should run the mapdown bin in the project: compile, map (the golden output), check', () => {
    const bin = join(project, 'node_modules/.bin/mapdown')
    expect(mustRun(bin, ['--version'], { cwd: project }).stdout).toBe(`${manifests.get('@mapdown/cli')?.version}\n`)
    mustRun(bin, ['compile', 'dictionaries', '-o', 'ir.json'], { cwd: project })
    const mapped = run(bin, ['map', 'examples/events/events.ndjson', '-d', 'ir.json', '--stats'], { cwd: project })
    expect(mapped.status, mapped.stderr).toBe(0)
    expect(mapped.stdout === readFileSync(GOLDEN_MAPPED, 'utf8'), 'stdout is the golden mapped.ndjson').toBe(true)
    expect(mapped.stderr).toMatch(/^\{"read":1315,"mapped":1240,"rejected":75,/)
    const check = run(bin, ['check', '--strict', 'dictionaries/sentinelone-cloud-funnel'], { cwd: project })
    expect(check.status, check.stderr + check.stdout).toBe(0)
    // Without the optional package, `worker` says what to install.
    const worker = run(bin, ['worker', '--stream', 'events', '--consumer', 'mappers', '--out-subject', 'mapped', '--dlq-subject', 'dlq', '-d', 'ir.json'], { cwd: project })
    expect(worker.status).not.toBe(0)
    expect(worker.stderr).toBe('mapdown: the `worker` command needs the @mapdown/worker package, which is not installed (npm install @mapdown/worker)\n')
  })

  // --schema loads @mapdown/schemas and ajv at run time: from npm's flat node_modules,
  // not pnpm's, so a dependency missing from a manifest shows up here and nowhere else.
  it.each(['ecs', 'ocsf'])('should map and check with --schema %s in the project as in the repository', (schema) => {
    const bin = join(project, 'node_modules/.bin/mapdown')
    const args = ['map', 'examples/events/events.ndjson', '-d', 'dictionaries', '--schema', schema, '--no-cache']
    const installed = run(bin, args, { cwd: project })
    expect(installed.status, installed.stderr).toBe(0)
    const repository = run(process.execPath, [join(ROOT, 'packages/cli/dist/bin.js'), ...args], { cwd: ROOT })
    expect(repository.status, repository.stderr).toBe(0)
    expect(installed.stdout.length).toBeGreaterThan(0)
    expect(installed.stdout === repository.stdout, `--schema ${schema} output is the repository's`).toBe(true)
    const check = run(bin, ['check', '--schema', schema, 'dictionaries/sentinelone-cloud-funnel'], { cwd: project })
    expect(check.status, check.stderr + check.stdout).toBe(0)
  })

  it('should type-check and run the embed example against the installed packages', () => {
    cpSync(join(ROOT, 'examples/embed/embed.ts'), join(project, 'embed.ts'))
    // The installed packages' own type declarations; @types/node from this repository (a consumer has its own).
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          typeRoots: [join(ROOT, 'node_modules/@types')],
          types: ['node'],
          outDir: '.',
        },
        files: ['embed.ts'],
      }),
    )
    mustRun(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project })
    const golden = readFileSync(GOLDEN_MAPPED, 'utf8')

    const compiled = run(process.execPath, ['embed.js', '--out', 'embed-mapped.ndjson'], { cwd: project })
    expect(compiled.status, compiled.stderr).toBe(0)
    expect(compiled.stderr.split('\n')[0]).toMatch(/\(read = mapped \+ rejected\)$/)
    expect(readFileSync(join(project, 'embed-mapped.ndjson'), 'utf8') === golden, 'the embed output is the golden mapped.ndjson').toBe(true)

    mustRun(join(project, 'node_modules/.bin/mapdown'), ['compile', 'dictionaries', '-o', 'ir.json'], { cwd: project })
    const fromIr = run(process.execPath, ['embed.js', 'examples/events/events.ndjson', '--ir', 'ir.json'], { cwd: project })
    expect(fromIr.status, fromIr.stderr).toBe(0)
    expect(fromIr.stdout === golden, 'the embed output from a compiled IR is the golden mapped.ndjson').toBe(true)
  })
})
