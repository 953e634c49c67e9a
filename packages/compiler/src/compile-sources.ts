import { IR_VERSION, type DictionaryIR, type MappingIR } from '@mapdown/ir'
import { utf8ByteLength } from '@mapdown/engine'
import { relative, resolve } from 'pathe'
import { VFile } from 'vfile'
import type { CompileOptions, CompileResult, DictionarySource } from './api.js'
import { compileDocument, type CompiledDocument } from './compile-document.js'
import { FileContext } from './context.js'
import { decodeSource } from './decode.js'
import { LineIndex } from './position.js'
import { checkDuplicateId, type CompiledIdentity } from './rules/dictionary-id-duplicate.js'
import { checkDictionarySize } from './rules/dictionary-too-large.js'
import { checkEncoding } from './rules/encoding-invalid.js'
import { reportInternalError } from './rules/internal-error.js'
import { checkMatchOverlap, type CompiledRouting } from './rules/match-overlap.js'
import { sortMessages } from './sort-messages.js'

interface Compiled {
  ctx: FileContext
  document: CompiledDocument | undefined
}

/**
 * Compiles dictionaries from memory. Pure and synchronous; never throws: a
 * failure inside the compiler becomes an `internal-error` message on its file.
 */
export function compileSources(sources: readonly DictionarySource[], options: CompileOptions = {}): CompileResult {
  const cwd = options.cwd ?? currentDirectory()
  const compiled: Compiled[] = sources.map((source) => compileOne(source, cwd))

  // Cross-dictionary checks, in input order: the later dictionary is the one in error.
  const kept: (CompiledIdentity & CompiledRouting & { dictionary: DictionaryIR; entry: Compiled })[] = []
  for (const entry of compiled) {
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
    kept.push(compiledDictionary)
  }

  const samples = new Map<string, unknown>()
  for (const { dictionary, entry } of kept) {
    if (entry.document?.sample !== undefined) samples.set(dictionary.id, entry.document.sample)
  }
  const dictionaries = kept.map((entry) => entry.dictionary).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const ir: MappingIR = { irVersion: IR_VERSION, dictionaries }

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

function compileOne(source: DictionarySource, cwd: string): Compiled {
  const path = relative(cwd, resolve(cwd, source.path)) || source.path
  const bytes = typeof source.contents === 'string' ? utf8ByteLength(source.contents) : source.contents.byteLength
  const tooLarge = new FileContext(new VFile({ path, value: '', cwd }), new LineIndex(''))
  if (checkDictionarySize(tooLarge, bytes)) return { ctx: tooLarge, document: undefined }
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
  try {
    return { ctx, document: compileDocument(ctx, path) }
  } catch (error) {
    reportInternalError(ctx, error)
    return { ctx, document: undefined }
  }
}

/** The working directory in Node; `/` where there is none (a browser), so that paths stay as given. */
function currentDirectory(): string {
  return globalThis.process?.cwd?.() ?? '/'
}
