/**
 * Which files of a folder are dictionaries. A module of its own, with no
 * other import than Node's, exported as `@mapdown/compiler/files`: the CLI
 * lists a folder (for its compile cache and path clashes) without loading the
 * markdown toolchain.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The dictionary files of a folder: its `*.md` files, recursively, sorted by
 * name, without README.md, `node_modules` and dot folders. The one listing the
 * CLI's commands and the playground's server share.
 */
export async function markdownFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true })
  const found: string[] = []
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
      found.push(...(await markdownFiles(path)))
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') {
      found.push(path)
    }
  }
  return found
}
