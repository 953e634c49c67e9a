import { compileSources } from '@mapdown/compiler'
import { createEngine, type Engine, type MapResult } from '@mapdown/engine'
import type { DictionaryIR, MappingIR } from '@mapdown/ir'
import { toDiagnostics, type PlaygroundDiagnostic } from './diagnostics.js'
import type { LibraryFile } from './library.js'

/** What the playground shows for one version of the document. */
export interface CompiledView {
  readonly diagnostics: readonly PlaygroundDiagnostic[]
  /** The edited dictionary as compiled, or undefined when it has an error. */
  readonly dictionary: DictionaryIR | undefined
  /** The document's own Event JSON sample mapped by it, when both exist. */
  readonly sample: MapResult | undefined
  /** An engine over the edited dictionary alone, for pasted events. */
  readonly engine: Engine | undefined
  /** The target schemas of the library (`dictionaries/schemas/*.md`), by name: what `--schema` may name. */
  readonly schemas: readonly string[]
}

/**
 * Compiles the edited document as mapdown compile would, with the library's
 * other files given as sources too, so that includes and cross-dictionary
 * rules see the library; only the edited file's messages are shown.
 */
export function compileDocument(path: string, text: string, library: readonly LibraryFile[] = [], schema?: string): CompiledView {
  const others = library.filter((file) => file.path !== path)
  // The edited file comes last: cross-dictionary messages land on the later file, the one being written.
  const sources = [...others.map((file) => ({ path: file.path, contents: file.text })), { path, contents: text }]
  const result = compileSources(sources, { cwd: '/' })
  const file = result.files.at(-1)
  const diagnostics = file ? toDiagnostics(file.messages) : []
  const dictionary = result.ir.dictionaries.find((candidate) => candidate.source === path)
  const schemas = (result.ir.schemas ?? []).map((candidate) => candidate.name)
  if (!dictionary || diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { diagnostics, dictionary: undefined, sample: undefined, engine: undefined, schemas }
  }
  const engine = createEngine(alone(result.ir, dictionary), schema !== undefined && schemas.includes(schema) ? { schema } : {})
  const sample = result.samples.has(dictionary.id) ? engine.map(result.samples.get(dictionary.id)) : undefined
  return { diagnostics, dictionary, sample, engine, schemas }
}

/** The IR of one dictionary, with each schema's projection of it (as `mapdown map --schema` would project it). */
function alone(ir: MappingIR, dictionary: DictionaryIR): MappingIR {
  const schemas = ir.schemas?.map((schema) => ({ ...schema, projections: schema.projections.filter((projection) => projection.dictionary === dictionary.id) }))
  return schemas === undefined ? { irVersion: ir.irVersion, dictionaries: [dictionary] } : { irVersion: ir.irVersion, dictionaries: [dictionary], schemas }
}

/** One pasted line and what became of it. */
export interface LineResult {
  readonly lineNo: number
  readonly result: MapResult
}

/** Maps pasted NDJSON text, one event per non-blank line, as `mapdown map` would. */
export function mapPasted(engine: Engine, text: string): LineResult[] {
  const lines = text.split(/\r?\n/)
  const results: LineResult[] = []
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    results.push({ lineNo: index + 1, result: engine.mapLine(line) })
  })
  return results
}
