import { UsageError } from '../errors.js'

/** The name `--schema` accepts for the default output, the dictionaries' standard names. */
export const STANDARD_SCHEMA = 'standard'

/**
 * `--schema NAME`: the schema of the IR (`dictionaries/schemas/<name>.md`) to
 * write records in, or undefined for the standard names (no option, or
 * `standard`). An unknown name is a usage error that lists the known ones.
 */
export function schemaOption(command: string, value: string | undefined, ir: unknown): string | undefined {
  if (value === undefined || value === STANDARD_SCHEMA) return undefined
  const known = schemaNames(ir)
  if (known.includes(value)) return value
  throw new UsageError(`unknown schema \`${value}\` for \`--schema\`, expected one of ${[`${STANDARD_SCHEMA} (the default)`, ...known].join(', ')}`, command)
}

/** The schema names an IR (parsed JSON, not yet validated) carries. */
function schemaNames(ir: unknown): string[] {
  const schemas = (ir as { schemas?: unknown } | null)?.schemas
  if (!Array.isArray(schemas)) return []
  return schemas.map((schema) => (schema as { name?: unknown } | null)?.name).filter((name): name is string => typeof name === 'string')
}
