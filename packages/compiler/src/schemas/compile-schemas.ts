import type { DictionaryIR, SchemaIR } from '@mapdown/ir'
import type { FileContext } from '../context.js'
import type { FrontMatter } from '../front-matter.js'
import { schemaDocumentInvalid } from '../rules/schema-document-invalid.js'
import { buildProjections, schemaIr, type BuiltProjection } from './build-schema.js'
import { readSchemaDocument, type SchemaDraft } from './read-document.js'

/** A schema document as `compileSources` prepared it. */
export interface SchemaUnit {
  readonly path: string
  readonly ctx: FileContext
  readonly read: { frontMatter: FrontMatter | undefined; bodyStart: number } | undefined
}

/** One compiled schema with what the checks and `check --schema` need. */
export interface CompiledSchema {
  readonly unit: SchemaUnit
  readonly draft: SchemaDraft
  readonly projections: BuiltProjection[]
  readonly ir: SchemaIR
}

/**
 * Compiles the schema documents against the compiled dictionaries, in input
 * order; a schema with an error (or a second one of the same name) is left out.
 * Returns the IR's `schemas`, sorted by name.
 */
export function compileSchemas(
  units: readonly SchemaUnit[],
  dictionaries: readonly DictionaryIR[],
  guarded: <T>(ctx: FileContext, step: () => T) => T | undefined,
): SchemaIR[] {
  return compileSchemaDetails(units, dictionaries, guarded)
    .map((compiled) => compiled.ir)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

export function compileSchemaDetails(
  units: readonly SchemaUnit[],
  dictionaries: readonly DictionaryIR[],
  guarded: <T>(ctx: FileContext, step: () => T) => T | undefined,
): CompiledSchema[] {
  const kept: CompiledSchema[] = []
  for (const unit of units) {
    const frontMatter = unit.read?.frontMatter
    if (!frontMatter || !unit.read) continue
    const compiled = guarded(unit.ctx, (): CompiledSchema | undefined => {
      const draft = readSchemaDocument(unit.ctx, frontMatter, unit.read!.bodyStart)
      if (!draft) return undefined
      const earlier = kept.find((entry) => entry.draft.name === draft.name)
      if (earlier) {
        schemaDocumentInvalid.report(unit.ctx, 'duplicate', { name: draft.name, source: earlier.unit.path }, draft.namePosition)
        return undefined
      }
      const projections = buildProjections(unit.ctx, draft, dictionaries)
      return { unit, draft, projections, ir: schemaIr(draft, unit.path, projections) }
    })
    if (compiled && !unit.ctx.hasErrors) kept.push(compiled)
  }
  return kept
}
