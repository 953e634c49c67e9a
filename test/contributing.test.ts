/**
 * CONTRIBUTING.md stays true: every file path it names exists (up to a
 * `<placeholder>` segment), every link resolves, and every command it shows
 * is one this repository runs: a root or package script, a vitest run of
 * existing paths, `pnpm bench` with options the bench accepts, `mapdown`
 * subcommands with options their `--help` lists, `node` on an existing file.
 * Needs the built CLI (`pnpm build`), as the other tests that spawn it.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseOptions } from '../bench/src/options.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const TEXT = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8')
const BIN = join(ROOT, 'packages/cli/dist/bin.js')

const FENCE = /^( *)```sh\n([\s\S]*?)^\1```/gm
const TOP_LEVEL = new Set(readdirSync(ROOT))

/** The commands of the ```sh blocks, one per line, and the inline code spans outside them. */
function parts(text: string): { commands: string[]; spans: string[] } {
  const commands = [...text.matchAll(FENCE)].flatMap((match) => match[2]!.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
  const prose = text.replace(FENCE, '')
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!)
  return { commands, spans }
}

function isCommand(span: string): boolean {
  return /^(?:[A-Z_]+=\S+ )*(?:pnpm|node) /.test(span)
}

/** A repository path (its first segment is a top-level entry), with or without a `<placeholder>`. */
function isRepoPath(token: string): boolean {
  return !/\s/.test(token) && token.includes('/') && TOP_LEVEL.has(token.split('/')[0]!)
}

/** The part of a path before its first placeholder segment, which must exist. */
function existingPart(path: string): string {
  const segments = path.split('/')
  const placeholder = segments.findIndex((segment) => segment.includes('<'))
  return placeholder === -1 ? path : segments.slice(0, placeholder).join('/')
}

function rootScripts(): Record<string, string> {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
}

/** Workspace packages by name: their folder and scripts. */
function workspacePackages(): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>()
  const folders = [...readdirSync(join(ROOT, 'packages')).map((name) => join('packages', name)), 'dictionaries', 'examples', 'bench']
  for (const folder of folders) {
    const manifest = join(ROOT, folder, 'package.json')
    if (!existsSync(manifest)) continue
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; scripts?: Record<string, string> }
    found.set(json.name, json.scripts ?? {})
  }
  return found
}

const helpCache = new Map<string, string>()
function mapdownHelp(command: string): string {
  let help = helpCache.get(command)
  if (help === undefined) {
    const run = spawnSync(process.execPath, [BIN, command, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    expect(run.status, `mapdown ${command} --help`).toBe(0)
    help = run.stdout
    helpCache.set(command, help)
  }
  return help
}

/** Checks one command; throws (an assertion) when the repository has no such command. */
function checkCommand(command: string): void {
  for (const step of command.split('&&').map((part) => part.trim())) {
    const words = step.replace(/^(?:[A-Z_]+=\S+ )+/, '').split(/\s+/)
    const [program, ...args] = words
    if (program === 'node') {
      expect(existsSync(join(ROOT, args[0]!)), `${step}: ${args[0]} exists`).toBe(true)
      continue
    }
    expect(program, step).toBe('pnpm')
    if (args[0] === 'install') {
      expect(args.slice(1), step).toEqual(['--frozen-lockfile'])
    } else if (args[0] === 'exec') {
      expect(args.slice(1, 3), step).toEqual(['vitest', 'run'])
      const paths = args.slice(3).filter((arg) => !arg.startsWith('-'))
      expect(paths.length, step).toBeGreaterThan(0)
      for (const path of paths) expect(existsSync(join(ROOT, existingPart(path))), `${step}: ${path} exists`).toBe(true)
    } else if (args[0] === '--filter') {
      const scripts = workspacePackages().get(args[1]!)
      expect(scripts, `${step}: package ${args[1]}`).toBeDefined()
      expect(Object.keys(scripts ?? {}), step).toContain(args[2])
    } else {
      const rest = args[0] === '-s' ? args.slice(1) : args
      const [script, ...scriptArgs] = rest
      expect(Object.keys(rootScripts()), `${step}: root script`).toContain(script)
      if (script === 'bench') {
        expect(() => parseOptions(scriptArgs, {}, 2), step).not.toThrow()
      } else if (script === 'mapdown') {
        const [subcommand, ...options] = scriptArgs
        const help = mapdownHelp(subcommand!)
        for (const option of options) {
          if (option.startsWith('-')) expect(help, `${step}: ${option} in mapdown ${subcommand} --help`).toContain(option)
          else expect(existsSync(join(ROOT, option)), `${step}: ${option} exists`).toBe(true)
        }
      } else {
        expect(scriptArgs, `${step}: no arguments to ${script}`).toEqual([])
      }
    }
  }
}

describe('CONTRIBUTING.md', () => {
  const { commands, spans } = parts(TEXT)

  it('should show commands, and name paths, for every part it covers', () => {
    expect(commands.length).toBeGreaterThan(5)
    expect(spans.filter(isRepoPath).length).toBeGreaterThan(20)
    for (const heading of ['Set up, build, test', 'Add a dictionary', 'Add a compiler rule', 'Add a coercion type', 'Add a report format', 'Add a target schema crosswalk']) {
      expect(TEXT).toContain(`## ${heading}`)
    }
  })

  it('should name only files and folders that exist', () => {
    for (const span of spans.filter(isRepoPath)) {
      expect(existsSync(join(ROOT, existingPart(span))), `${span} exists`).toBe(true)
    }
    for (const [, target] of TEXT.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue
      expect(existsSync(join(ROOT, target!)), `link ${target} resolves`).toBe(true)
    }
    accessSync(join(ROOT, '.ci/run'), constants.X_OK)
  })

  it('should show only commands this repository runs', () => {
    for (const command of [...commands, ...spans.filter(isCommand)]) checkCommand(command)
  })

  it('should fail on a path, a script or an option that does not exist (the checks can fail)', () => {
    expect(existsSync(join(ROOT, existingPart('packages/compiler/src/rules/nope.ts')))).toBe(false)
    expect(existsSync(join(ROOT, existingPart('packages/engine/test/fixtures/coerce/<type>.json')))).toBe(true)
    expect(() => checkCommand('pnpm nope')).toThrow()
    expect(() => checkCommand('pnpm bench --fast')).toThrow()
    expect(() => checkCommand('pnpm -s mapdown check --nope dictionaries')).toThrow()
    expect(() => checkCommand('pnpm exec vitest run packages/nope')).toThrow()
    expect(() => checkCommand('cp a b')).toThrow()
  })
})
