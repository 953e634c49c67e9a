import { IR_VERSION, type DictionaryIR, type MappingIR } from '@mapdown/ir'
import { relative, resolve, sep } from 'node:path'
import { VFile } from 'vfile'
import type { CompileOptions, CompileResult, DictionarySource } from './api.js'
import { compileDocument, type CompiledDocument } from './compile-document.js'
import { FileContext } from './context.js'
import { decodeSource } from './decode.js'
import { LineIndex } from './position.js'
import { predicatesOverlap } from './routing/overlap.js'
import { dictionaryIdDuplicate } from './rules/dictionary-id-duplicate.js'
import { dictionaryTooLarge } from './rules/dictionary-too-large.js'
import { encodingInvalid } from './rules/encoding-invalid.js'
import { internalError } from './rules/internal-error.js'
import { matchOverlap } from './rules/match-overlap.js'
import { sortMessages } from './sort-messages.js'

/**
 * The largest dictionary read, in bytes (UTF-8): over a hundred times the
 * largest real one. The markdown parser needs about 250 bytes of memory per
 * byte of input and is super-linear on some constructs, so bigger files are
 * refused before they are decoded or parsed.
 */
export const MAX_DICTIONARY_BYTES = 1024 * 1024

interface Compiled {
  ctx: FileContext
  document: CompiledDocument | undefined
}

/**
 * Compiles dictionaries from memory. Pure and synchronous; never throws: a
 * failure inside the compiler becomes an `internal-error` message on its file.
 */
export function compileSources(sources: readonly DictionarySource[], options: CompileOptions = {}): CompileResult {
  const cwd = options.cwd ?? process.cwd()
  const compiled: Compiled[] = sources.map((source) => compileOne(source, cwd))

  // Cross-dictionary checks, in input order: the later dictionary is the one in error.
  const kept: { dictionary: DictionaryIR; entry: Compiled }[] = []
  for (const entry of compiled) {
    const dictionary = entry.document?.dictionary
    if (!dictionary) continue
    const { ctx, document } = entry
    const same = kept.find((other) => other.dictionary.id === dictionary.id)
    if (same) {
      ctx.report(
        dictionaryIdDuplicate,
        'error',
        `Unexpected duplicate dictionary id \`${dictionary.id}\`, expected each \`<log.type>/<rule>\` once (also in \`${same.dictionary.source}\`)`,
        document?.idPosition ?? { line: 1, column: 1 },
        { cause: same.entry.ctx.causeAt(`\`${dictionary.id}\` first defined in ${same.dictionary.source}`, same.entry.document?.idPosition) },
      )
      continue
    }
    const overlapping = kept.find((other) => predicatesOverlap(other.dictionary.match, dictionary.match))
    if (overlapping) {
      ctx.report(
        matchOverlap,
        'error',
        `Unexpected match predicate of \`${dictionary.id}\` that overlaps \`${overlapping.dictionary.id}\` (\`${overlapping.dictionary.source}\`), expected predicates that tell their events apart`,
        document?.matchPosition ?? document?.idPosition ?? { line: 1, column: 1 },
        {
          cause: overlapping.entry.ctx.causeAt(`\`${overlapping.dictionary.id}\` predicate in ${overlapping.dictionary.source}`, overlapping.entry.document?.matchPosition),
          note: 'Add or refine a `match:` key so that some field distinguishes the two kinds of event.',
        },
      )
      continue
    }
    kept.push({ dictionary, entry })
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
  const path = toPosix(relative(cwd, resolve(cwd, source.path))) || source.path
  const bytes = typeof source.contents === 'string' ? Buffer.byteLength(source.contents) : source.contents.byteLength
  if (bytes > MAX_DICTIONARY_BYTES) {
    const ctx = new FileContext(new VFile({ path, value: '', cwd }), new LineIndex(''))
    ctx.report(
      dictionaryTooLarge,
      'error',
      `Unexpected dictionary of ${bytes.toLocaleString('en-US')} bytes, expected at most ${MAX_DICTIONARY_BYTES.toLocaleString('en-US')} (1 MiB); the file is not read`,
      { line: 1, column: 1 },
    )
    return { ctx, document: undefined }
  }
  let text = ''
  let invalidUtf8 = false
  try {
    ;({ text, invalidUtf8 } = decodeSource(source.contents))
  } catch {
    invalidUtf8 = true
  }
  const file = new VFile({ path, value: text, cwd })
  const ctx = new FileContext(file, new LineIndex(text))
  if (invalidUtf8) {
    ctx.report(encodingInvalid, 'warning', 'Unexpected invalid UTF-8 in file, expected UTF-8 text; invalid bytes read as U+FFFD', { line: 1, column: 1 })
  }
  try {
    return { ctx, document: compileDocument(ctx, path) }
  } catch (error) {
    ctx.report(internalError, 'error', `Unexpected compiler failure: ${error instanceof Error ? error.message : String(error)}`, undefined, {
      note: 'This is a bug in mapdown; please report it with the dictionary.',
    })
    return { ctx, document: undefined }
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}
