/**
 * The registry of field types: the one place a type is named. The IR's
 * `FieldType`, the JSON Schema's enum (written from this registry by
 * `scripts/write-schema.mjs` at build, checked by a test), the compiler's
 * type names and aliases and its did-you-mean list all derive from it.
 *
 * Adding a type: one line here, a coercion module in `@mapdown/engine`
 * (`src/coerce/`, one entry in its table, which TypeScript requires) and its
 * fixture table (`packages/engine/test/fixtures/coerce/<type>.json`, which a
 * test requires).
 */

/** What the registry says about one type (what a type accepts is its coercion module's business). */
export interface FieldTypeSpec {
  /** Other names a dictionary may write for it (lower case; Type cells are read case-insensitively). */
  readonly aliases: readonly string[]
}

/** Type -> its spec. The order is the order of the schema's enum and of the types listed in diagnostics. */
export const FIELD_TYPE_REGISTRY = {
  string: { aliases: [] },
  integer: { aliases: ['int'] },
  long: { aliases: [] },
  float: { aliases: ['double'] },
  boolean: { aliases: ['bool'] },
  ip: { aliases: [] },
  date: { aliases: ['datetime'] },
  port: { aliases: [] },
} as const satisfies Readonly<Record<string, FieldTypeSpec>>

/** The coercion types a field can declare (aliases such as `bool` or `datetime` are normalised away by the compiler). */
export type FieldType = keyof typeof FIELD_TYPE_REGISTRY

/** The field types, in registry order. */
export const FIELD_TYPES: readonly FieldType[] = Object.freeze(Object.keys(FIELD_TYPE_REGISTRY) as FieldType[])

/** Every name a dictionary may write for a type, aliases included, with the type it means. */
export const FIELD_TYPE_NAMES: Readonly<Record<string, FieldType>> = Object.freeze(
  Object.fromEntries(
    FIELD_TYPES.flatMap((type) => [[type, type] as const, ...FIELD_TYPE_REGISTRY[type].aliases.map((alias) => [alias, type] as const)]),
  ),
)
