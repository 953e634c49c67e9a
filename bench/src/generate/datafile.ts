/**
 * Generated NDJSON inputs in bench/.data/, written once and reused while the
 * recipe (seed, size, generator version, inputs hash) is unchanged. A
 * manifest beside each file records the recipe; the file is written to a
 * temporary name and renamed, so an interrupted run never leaves a truncated
 * file that a later run would trust.
 */
import { createWriteStream, existsSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { createRng, type Rng } from './rng.js'

export interface DataRecipe {
  /** File stem, e.g. `network-connection-200000`. */
  name: string
  seed: number
  /** Bump when the generator's output changes. */
  version: number
  /** Stop after this many events, or once the file reaches this many bytes. */
  until: { events: number } | { bytes: number }
  /** Anything else the output depends on (e.g. a hash of the dictionaries). */
  inputsHash?: string
  line(rng: Rng, index: number): string
}

export interface DataFile {
  path: string
  events: number
  bytes: number
  reused: boolean
}

interface Manifest {
  seed: number
  version: number
  until: DataRecipe['until']
  inputsHash: string | null
  events: number
  bytes: number
}

export async function ensureDataFile(dir: string, recipe: DataRecipe): Promise<DataFile> {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${recipe.name}.ndjson`)
  const manifestPath = join(dir, `${recipe.name}.manifest.json`)
  const wanted = { seed: recipe.seed, version: recipe.version, until: recipe.until, inputsHash: recipe.inputsHash ?? null }
  const existing = readManifest(manifestPath)
  if (existing && sameRecipe(existing, wanted) && existsSync(path) && statSync(path).size === existing.bytes) {
    return { path, events: existing.events, bytes: existing.bytes, reused: true }
  }
  const rng = createRng(recipe.seed)
  const tmp = `${path}.tmp`
  const out = createWriteStream(tmp)
  let events = 0
  let bytes = 0
  const done = (): boolean => ('events' in recipe.until ? events >= recipe.until.events : bytes >= recipe.until.bytes)
  while (!done()) {
    // Batches keep the write calls few; the budget is checked per event so sizes are exact.
    let batch = ''
    for (let i = 0; i < 2000 && !done(); i++) {
      const line = recipe.line(rng, events) + '\n'
      batch += line
      bytes += Buffer.byteLength(line)
      events++
    }
    if (!out.write(batch)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  renameSync(tmp, path)
  const manifest: Manifest = { ...wanted, events, bytes }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n')
  return { path, events, bytes, reused: false }
}

function readManifest(path: string): Manifest | null {
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest
  } catch {
    return null
  }
}

function sameRecipe(manifest: Manifest, wanted: Omit<Manifest, 'events' | 'bytes'>): boolean {
  return (
    manifest.seed === wanted.seed &&
    manifest.version === wanted.version &&
    JSON.stringify(manifest.until) === JSON.stringify(wanted.until) &&
    manifest.inputsHash === wanted.inputsHash
  )
}
