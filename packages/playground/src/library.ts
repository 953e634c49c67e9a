/** A markdown file of the dictionary library, by its path relative to the library folder. */
export interface LibraryFile {
  readonly path: string
  readonly text: string
}

/**
 * The library the playground opens with. `mapdown playground DIR` serves
 * `library.json` (that folder's dictionaries); a static build served any other
 * way uses the repository's `dictionaries/`, bundled at build time.
 */
export async function loadLibrary(fetchJson: (url: string) => Promise<unknown>, bundled: readonly LibraryFile[]): Promise<{ files: LibraryFile[]; origin: string }> {
  try {
    const served = await fetchJson('library.json')
    if (isLibrary(served)) return { files: sortByPath(served.files), origin: served.origin }
  } catch {
    // Not served by `mapdown playground`: the bundled library serves.
  }
  return { files: sortByPath(bundled), origin: 'bundled dictionaries/' }
}

function isLibrary(value: unknown): value is { files: LibraryFile[]; origin: string } {
  if (typeof value !== 'object' || value === null) return false
  const { files, origin } = value as { files?: unknown; origin?: unknown }
  return typeof origin === 'string' && Array.isArray(files) && files.every((file) => typeof file?.path === 'string' && typeof file?.text === 'string')
}

function sortByPath(files: readonly LibraryFile[]): LibraryFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
