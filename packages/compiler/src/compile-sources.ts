import { IR_VERSION, type DictionaryIR, type MappingIR } from '@mapdown/ir'
import { utf8ByteLength } from '@mapdown/engine'
import { relative, resolve } from 'pathe'
import { VFile } from 'vfile'
import type { CompileResult, CompileSourcesOptions, DictionarySource } from './api.js'
import { compileDocument, type CompiledDocument } from './compile-document.js'
import { compilePartial } from './compile-partial.js'
import { FileContext, IncludedContext } from './context.js'
import type { RowDraft, RowSet } from './data-dictionary.js'
import { decodeSource } from './decode.js'
import { readFrontMatter, type FrontMatter } from './front-matter.js'
import { includedPartials, linkIncludes, type IncludeEdge, type IncludingUnit } from './includes/link.js'
import { readIncludes, readPartialFlag, type IncludeRef } from './includes/read-includes.js'
import { LineIndex } from './position.js'
import { checkDuplicateId, type CompiledIdentity } from './rules/dictionary-id-duplicate.js'
import { checkDictionarySize } from './rules/dictionary-too-large.js'
import { checkEncoding, checkUtf16 } from './rules/encoding-invalid.js'
import { reportIncludedErrors } from './rules/include-invalid.js'
import { reportInternalError } from './rules/internal-error.js'
import { checkMatchOverlap, type CompiledRouting } from './rules/match-overlap.js'
import { checkMatchShadowed } from './rules/match-shadowed.js'
import { checkStandardNameTypes, type Vocabulary } from './rules/standard-name-type.js'
import { compileSchemas } from './schemas/compile-schemas.js'
import { schemaNameOf } from './schemas/read-document.js'
import { sortMessages } from './sort-messages.js'

interface Compiled {
  ctx: FileContext
  document: CompiledDocument | undefined
}

/** A source once decoded and its front matter read: a dictionary or a partial. */
interface Unit extends IncludingUnit {
  read: { frontMatter: FrontMatter | undefined; bodyStart: number } | undefined
  /** A partial's rows, as written. */
  rows: RowDraft[] | undefined
  /** A schema document (front matter `schema:`): compiled after the dictionaries, never as one. */
  schema: boolean
}

/**
 * Compiles dictionaries from memory. Pure and synchronous; never throws: a
 * failure inside the compiler becomes an `internal-error` message on its file.
 * Includes resolve among the given sources and the library; partials are read
 * for their rows, never compiled as dictionaries.
 */
export function compileSources(sources: readonly DictionarySource[], options: CompileSourcesOptions = {}): CompileResult {
  const cwd = options.cwd ?? currentDirectory()
  // onFile is called before each step that reads one file, so a deadline per file (the CLI's worker thread) names the file that hangs.
  const prepareTimed = (source: DictionarySource): Unit => {
    options.onFile?.(resolve(cwd, source.path))
    return prepare(source, cwd)
  }
  const own = sources.map(prepareTimed)
  const ownPaths = new Set(own.map((unit) => unit.path))
  const library = (options.library ?? []).map(prepareTimed).filter((unit) => !ownPaths.has(unit.path))
  // The named files first, so that an include cycle through both is reported on a named file.
  const units = [...own, ...library]
  for (const unit of units) {
    const frontMatter = unit.read?.frontMatter
    if (!unit.partial || !frontMatter) continue
    options.onFile?.(resolve(cwd, unit.path))
    unit.rows = guarded(unit.ctx, () => compilePartial(unit.ctx, frontMatter))
  }
  const edges = linkIncludes(units)
  const compile = (unit: Unit): Compiled => {
    if (!unit.partial && unit.read) options.onFile?.(resolve(cwd, unit.path))
    return { ctx: unit.ctx, document: unit.partial || unit.schema || !unit.read ? undefined : compileUnit(unit, edges) }
  }
  const compiledLibrary = library.map(compile)
  const compiled = own.map(compile)
  options.onFile?.(undefined)

  // Cross-dictionary checks, in input order, the library first: the later dictionary is the one in error.
  const kept: (CompiledIdentity & CompiledRouting & { dictionary: DictionaryIR; entry: Compiled })[] = []
  const vocabulary: Vocabulary = new Map()
  for (const entry of [...compiledLibrary, ...compiled]) {
    const dictionary = entry.document?.dictionary
    if (!dictionary) continue
    const compiledDictionary = {
      ctx: entry.ctx,
      id: dictionary.id,
      source: dictionary.source,
      match: dictionary.match,
      idPosition: entry.document?.idPosition,
      matchPosition: entry.document?.matchPosition,
      dictionary,
      entry,
    }
    if (checkDuplicateId(compiledDictionary, kept) || checkMatchOverlap(compiledDictionary, kept)) continue
    checkMatchShadowed(compiledDictionary, kept)
    checkStandardNameTypes(compiledDictionary, vocabulary)
    kept.push(compiledDictionary)
  }

  const samples = new Map<string, unknown>()
  for (const { dictionary, entry } of kept) {
    if (entry.document?.sample !== undefined) samples.set(dictionary.id, entry.document.sample)
  }
  const dictionaries = kept.map((entry) => entry.dictionary).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const schemas = compileSchemas(
    units.filter((unit) => unit.schema),
    dictionaries,
    guarded,
  )
  const ir: MappingIR = schemas.length > 0 ? { irVersion: IR_VERSION, dictionaries, schemas } : { irVersion: IR_VERSION, dictionaries }

  let errorCount = 0
  let warningCount = 0
  const files = compiled.map((entry) => {
    sortMessages(entry.ctx.file)
    for (const message of entry.ctx.file.messages) {
      if (message.fatal === true) errorCount++
      else if (message.fatal === false) warningCount++
    }
    return entry.ctx.file
  })
  return { ir, files, errorCount, warningCount, samples }
}

/** Compiles one dictionary with the rows of the partials it includes; an error in them keeps it out of the IR. */
function compileUnit(unit: Unit, edges: ReadonlyMap<Unit, readonly IncludeEdge<Unit>[]>): CompiledDocument | undefined {
  const read = unit.read
  if (!read) return undefined
  const included = includedPartials(unit, edges).map(({ unit: partial, via }) => ({
    set: { ctx: new IncludedContext(partial.ctx, unit.path, via.position), rows: partial.rows ?? [], source: partial.path } satisfies RowSet & { ctx: IncludedContext },
    via,
    partial,
  }))
  const document = guarded(unit.ctx, () =>
    compileDocument(
      unit.ctx,
      unit.path,
      read,
      included.map((entry) => entry.set),
    ),
  )
  const failed = new Set<IncludeRef>()
  for (const { set, via, partial } of included) {
    if ((!partial.ctx.hasErrors && set.ctx.errorCount === 0) || failed.has(via)) continue
    failed.add(via)
    reportIncludedErrors(unit.ctx, partial.path, via, via.position)
  }
  if (document && failed.size > 0) document.dictionary = undefined
  return document
}

/** Runs a compiler step; a throw becomes an `internal-error` on the file. */
export function guarded<T>(ctx: FileContext, step: () => T): T | undefined {
  try {
    return step()
  } catch (error) {
    reportInternalError(ctx, error)
    return undefined
  }
}

/** Decodes a source and reads its front matter: whether it is a partial, what it includes. */
function prepare(source: DictionarySource, cwd: string): Unit {
  const path = relative(cwd, resolve(cwd, source.path)) || source.path
  const bytes = typeof source.contents === 'string' ? utf8ByteLength(source.contents) : source.contents.byteLength
  const unread = new FileContext(new VFile({ path, value: '', cwd }), new LineIndex(''))
  if (checkDictionarySize(unread, bytes) || checkUtf16(unread, source.contents)) return { path, ctx: unread, partial: false, includes: [], read: undefined, rows: undefined, schema: false }
  let text = ''
  let invalidUtf8 = false
  try {
    ;({ text, invalidUtf8 } = decodeSource(source.contents))
  } catch {
    invalidUtf8 = true
  }
  const file = new VFile({ path, value: text, cwd })
  const ctx = new FileContext(file, new LineIndex(text))
  checkEncoding(ctx, invalidUtf8)
  const read = guarded(ctx, () => readFrontMatter(ctx))
  const frontMatter = read?.frontMatter
  if (schemaNameOf(frontMatter) !== undefined) return { path, ctx, partial: false, includes: [], read, rows: undefined, schema: true }
  const partial = frontMatter ? readPartialFlag(ctx, frontMatter) : false
  const includes = frontMatter ? (guarded(ctx, () => readIncludes(ctx, frontMatter, path)) ?? []) : []
  return { path, ctx, partial, includes, read, rows: undefined, schema: false }
}

/**
 * The files a source includes (relative to `cwd`), read from its front matter
 * without compiling it: `compileFiles` uses it to add included files that were
 * not listed. Problems are left for the compilation to report.
 */
export function includedPaths(source: DictionarySource, cwd: string): string[] {
  return prepare(source, cwd).includes.map((ref) => ref.target)
}

/** The working directory in Node; `/` where there is none (a browser), so that paths stay as given. */
function currentDirectory(): string {
  return globalThis.process?.cwd?.() ?? '/'
}
