import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { CompileFilesOptions, CompileResult, DictionarySource } from './api.js'
import { compileSources, includedPaths } from './compile-sources.js'
import { markdownFiles } from './markdown-files.js'

export { markdownFiles }

/**
 * Compiles files and folders. A folder contributes its `*.md` files,
 * recursively, in sorted order (so results do not depend on the file system).
 * Unreadable paths reject the promise: they are the caller's problem, not a dictionary's.
 * Files that the listed ones include (`include:`) are added after them; partials
 * are read for their rows, never compiled as dictionaries. With `library`, see
 * `CompileSourcesOptions`.
 */
export async function compileFiles(paths: readonly string[], options: CompileFilesOptions = {}): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd()
  const sources = await readSources(paths, cwd, new Set())
  const own = new Set(sources.map((source) => source.path))
  const library = options.library === undefined ? [] : await readSources(options.library, cwd, own)
  return compileSources(sources, { cwd, library, ...(options.onFile === undefined ? {} : { onFile: options.onFile }) })
}

/** The `*.md` files of files and folders (absolute paths), with the files they include, except those in `skip`. */
async function readSources(paths: readonly string[], cwd: string, skip: ReadonlySet<string>): Promise<DictionarySource[]> {
  const files: string[] = []
  for (const path of paths) {
    const absolute = resolve(cwd, path)
    if ((await stat(absolute)).isDirectory()) files.push(...(await markdownFiles(absolute)))
    else files.push(absolute)
  }
  const sources: DictionarySource[] = []
  for (const file of files) if (!skip.has(file)) sources.push({ path: file, contents: new Uint8Array(await readFile(file)) })
  await addIncludedFiles(sources, cwd, skip)
  return sources
}

/**
 * Adds the files the sources include, and the files those include, that were
 * not listed. A file that cannot be read is left out: the compiler reports
 * the include as missing, where it was written.
 */
async function addIncludedFiles(sources: DictionarySource[], cwd: string, skip: ReadonlySet<string>): Promise<void> {
  const known = new Set([...skip, ...sources.map((source) => resolve(cwd, source.path))])
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]
    if (!source) continue
    for (const target of includedPaths(source, cwd)) {
      const absolute = resolve(cwd, target)
      if (known.has(absolute)) continue
      known.add(absolute)
      try {
        if (!(await stat(absolute)).isFile()) continue
        sources.push({ path: absolute, contents: new Uint8Array(await readFile(absolute)) })
      } catch {
        // Missing or unreadable: reported as `include-missing`.
      }
    }
  }
}
