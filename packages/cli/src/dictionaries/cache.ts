/**
 * The compile cache of `mapdown map`: dictionaries compile once, and later
 * runs load their IR without importing the compiler (the markdown toolchain
 * is most of a run's start-up: about 1 s of CPU and 45 MB of memory for one
 * dictionary).
 *
 * An entry is keyed by a SHA-256 of everything the IR depends on: the
 * toolchain that compiles (the files of the compiler's package and of the
 * `@mapdown/*` packages it depends on, by name, size and modification time), the working folder (IR paths are
 * relative to it), the paths as given, the dictionary files they list and the
 * contents of each. The files those include are recorded in the entry with
 * their hashes and checked on every hit. Only clean compiles (no error) are
 * stored, and only when every file still holds what the compiler read.
 *
 * Where: `$XDG_CACHE_HOME/mapdown`, else `~/.cache/mapdown`, a folder of the
 * user's own (mode 0700; a folder owned by someone else, or writable by
 * others, is not used). Entries are written to a temporary file and renamed
 * into place, so a reader sees a whole entry or none; an entry that does not
 * parse, or whose IR does not match the hash it records, is ignored. Nothing
 * about the cache is ever an error: it is used when it can be, and a run
 * without it (`--no-cache`) gives the same output.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, type Dirent } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cliVersion } from '../version.js'

/** Bumped when the entry format changes. */
const FORMAT = 'mapdown-ir-cache/1'

/** The cache folder, or undefined when there is no home to put it in. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const xdg = env['XDG_CACHE_HOME']
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'mapdown')
  let home: string
  try {
    home = homedir()
  } catch {
    return undefined
  }
  return home === '' ? undefined : join(home, '.cache', 'mapdown')
}

/** What a lookup found: the IR on a hit; on a miss, what `store` needs to add it. */
export interface CacheLookup {
  readonly irJson: string | undefined
  /** The dictionary files listed from the paths, with the SHA-256 of their contents as hashed for the key. */
  readonly listed: ReadonlyMap<string, string>
  readonly key: string
  readonly folder: string
}

interface EntryHeader {
  readonly format: string
  readonly key: string
  /** Included files (absolute) and the SHA-256 of their contents when compiled. */
  readonly dependencies: ReadonlyArray<readonly [string, string]>
  /** SHA-256 of the IR text that follows the header line. */
  readonly ir: string
}

/**
 * Looks `paths` up (compiled relative to `cwd`). Undefined when the cache
 * cannot be used at all (no safe folder, a path that cannot be listed: the
 * compiler then reports it).
 */
export async function lookUp(paths: readonly string[], cwd: string, folder = cacheFolder()): Promise<CacheLookup | undefined> {
  if (folder === undefined) return undefined
  try {
    const listed = new Map<string, string>()
    for (const file of await listedFiles(paths, cwd)) listed.set(file, sha256(await readFile(file)))
    const key = sha256(JSON.stringify({ format: FORMAT, toolchain: toolchain(), cwd, paths, files: [...listed] }))
    return { irJson: await readEntry(folder, key), listed, key, folder }
  } catch {
    return undefined
  }
}

/**
 * Stores a clean compile's IR. `compiled` are the files the compiler read
 * (listed and included), each with the text it decoded: an entry is written
 * only when each file still holds that text, and the listed ones still the
 * bytes hashed for the key (a file edited meanwhile is simply not cached).
 */
export async function store(lookup: CacheLookup, compiled: ReadonlyArray<{ readonly path: string; readonly text: string }>, irJson: string): Promise<void> {
  const dependencies: Array<[string, string]> = []
  for (const file of compiled) {
    let bytes: Buffer
    try {
      bytes = await readFile(file.path)
    } catch {
      return
    }
    if (decode(bytes) !== file.text) return
    const hash = sha256(bytes)
    const listedHash = lookup.listed.get(file.path)
    if (listedHash === undefined) dependencies.push([file.path, hash])
    else if (listedHash !== hash) return
  }
  const header: EntryHeader = { format: FORMAT, key: lookup.key, dependencies, ir: sha256(irJson) }
  await writeEntry(lookup.folder, lookup.key, JSON.stringify(header) + '\n' + irJson)
}

async function readEntry(folder: string, key: string): Promise<string | undefined> {
  if (!safeFolder(folder)) return undefined
  let text: string
  try {
    text = await readFile(entryPath(folder, key), 'utf8')
  } catch {
    return undefined
  }
  const newline = text.indexOf('\n')
  if (newline === -1) return undefined
  let header: EntryHeader
  try {
    header = JSON.parse(text.slice(0, newline)) as EntryHeader
  } catch {
    return undefined
  }
  const irJson = text.slice(newline + 1)
  if (header.format !== FORMAT || header.key !== key || header.ir !== sha256(irJson) || !Array.isArray(header.dependencies)) return undefined
  for (const [path, hash] of header.dependencies) {
    try {
      if (sha256(await readFile(path)) !== hash) return undefined
    } catch {
      return undefined
    }
  }
  return irJson
}

async function writeEntry(folder: string, key: string, contents: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 })
    if (!safeFolder(folder)) return
    const target = entryPath(folder, key)
    const temporary = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await writeFile(temporary, contents, { flag: 'wx', mode: 0o600 })
      await rename(temporary, target)
    } catch {
      await rm(temporary, { force: true })
    }
  } catch {
    // A cache that cannot be written is no cache: the run goes on.
  }
}

/** A real folder (not a link) of this user's, that no one else can write to. */
function safeFolder(folder: string): boolean {
  try {
    const stats = lstatSync(folder)
    if (!stats.isDirectory()) return false
    if (process.getuid !== undefined && stats.uid !== process.getuid()) return false
    return (stats.mode & 0o022) === 0
  } catch {
    return false
  }
}

function entryPath(folder: string, key: string): string {
  return join(folder, `ir-${key}.json`)
}

/** The dictionary files `paths` stand for, absolute, as `compileFiles` lists them (folders through the compiler's own listing). */
async function listedFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const { markdownFiles } = await import('@mapdown/compiler/files')
  const files: string[] = []
  for (const path of paths) {
    const absolute = resolve(cwd, path)
    if ((await stat(absolute)).isDirectory()) files.push(...(await markdownFiles(absolute)))
    else files.push(absolute)
  }
  return files
}

let toolchainPrint: string | undefined

/**
 * The compiling code: the CLI's version, and the compiler's package and the
 * `@mapdown/*` packages it depends on, transitively. An installed package (in
 * a `node_modules` folder) is known by its `package.json` (its version); a
 * workspace package, which changes without a new version, by each file of its
 * `dist` (else `src`) and `schema` folders that can run or be read (name, size,
 * modification time), so that a rebuilt compiler never reads an IR it did not write.
 */
function toolchain(): string {
  if (toolchainPrint !== undefined) return toolchainPrint
  const parts: string[] = [cliVersion()]
  const seen = new Set<string>()
  const visit = (root: string) => {
    if (seen.has(root)) return
    seen.add(root)
    const manifestText = readFileSync(join(root, 'package.json'), 'utf8')
    const manifest = JSON.parse(manifestText) as { dependencies?: Record<string, string> }
    parts.push(`${root}\t${manifestText}`)
    if (!root.split(sep).includes('node_modules')) {
      // The built code when there is one (what runs), else the sources; declarations and source maps do not run.
      const code = existsSync(join(root, 'dist')) ? 'dist' : 'src'
      for (const file of [code, 'schema'].flatMap((folder) => filesUnder(join(root, folder)))) {
        if (file.endsWith('.d.ts') || file.endsWith('.map')) continue
        const stats = lstatSync(file)
        parts.push(`${file}\t${stats.size}\t${stats.mtimeMs}`)
      }
    }
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (!name.startsWith('@mapdown/')) continue
      const found = packageRoot(root, name)
      if (found !== undefined) visit(found)
    }
  }
  visit(packageOf(fileURLToPath(import.meta.resolve('@mapdown/compiler'))))
  toolchainPrint = sha256(parts.join('\n'))
  return toolchainPrint
}

/** The folder of the package.json nearest above `file`. */
function packageOf(file: string): string {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder
    if (dirname(folder) === folder) throw new Error(`no package.json above ${file}`)
  }
}

/** Where `name` is installed for the package in `from`, as Node looks for it (node_modules folders upwards), links resolved. */
function packageRoot(from: string, name: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate)
    if (dirname(folder) === folder) return undefined
  }
}

/** The files under `folder`, sorted; none when it does not exist. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return []
  const found: string[] = []
  const entries: Dirent[] = readdirSync(folder, { withFileTypes: true })
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...filesUnder(path))
    else if (entry.isFile()) found.push(path)
  }
  return found.sort()
}

const strict = new TextDecoder('utf-8', { fatal: true })

/** The text the compiler reads from `bytes` (a leading BOM dropped), or undefined when it is not UTF-8. */
function decode(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes)
  } catch {
    return undefined
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
