/**
 * `mapdown check --schema NAME`: per dictionary, what the schema's projection
 * fills. For OCSF, the required and recommended attributes of the dictionary's
 * class (`class_uid` constant; profile attributes when `metadata.profiles`
 * declares the profile), from `@mapdown/schemas`.
 */
import type { ProjectionIR, SchemaIR } from '@mapdown/ir'
import { ocsfClass, ocsfRequirements } from '@mapdown/schemas'

export interface CoverageRow {
  readonly dictionary: string
  /** Target fields written (leaves of the projection). */
  readonly fields: number
  /** OCSF only. */
  readonly ocsf?: {
    readonly className: string
    readonly required: { readonly filled: number; readonly total: number; readonly missing: readonly string[] }
    readonly recommended: { readonly filled: number; readonly total: number; readonly missing: readonly string[] }
  }
}

export function schemaCoverage(schema: SchemaIR): CoverageRow[] {
  return schema.projections.map((projection) => {
    const fields = new Set(projection.assignments.map((assignment) => assignment.target.join('.'))).size
    const classUid = constantOf(projection, 'class_uid')
    const found = typeof classUid === 'number' ? ocsfClass(classUid) : undefined
    if (!found) return { dictionary: projection.dictionary, fields }
    const profilesValue = constantOf(projection, 'metadata.profiles')
    const profiles = Array.isArray(profilesValue) ? profilesValue.filter((item): item is string => typeof item === 'string') : []
    const filled = new Set(projection.assignments.map((assignment) => assignment.target[0]!))
    const level = (requirement: 'required' | 'recommended') => {
      const names = ocsfRequirements(found.uid, profiles)
        .filter((entry) => entry.requirement === requirement)
        .map((entry) => entry.name)
      const missing = names.filter((name) => !filled.has(name))
      return { filled: names.length - missing.length, total: names.length, missing }
    }
    return { dictionary: projection.dictionary, fields, ocsf: { className: `${found.caption} (${found.uid})`, required: level('required'), recommended: level('recommended') } }
  })
}

function constantOf(projection: ProjectionIR, path: string): unknown {
  const assignment = projection.assignments.find((candidate) => candidate.target.join('.') === path && candidate.value.kind === 'constant' && !candidate.map)
  return assignment?.value.kind === 'constant' ? assignment.value.value : undefined
}

/** The coverage as a text table (markdown-like, as the outcome tables). */
export function coverageTable(schema: SchemaIR, rows: readonly CoverageRow[]): string {
  const ocsf = rows.some((row) => row.ocsf)
  const lines = [`Schema ${schema.name} (${schema.source}): coverage per dictionary`, '']
  if (ocsf) {
    lines.push('| dictionary | class | fields | required | recommended | required missing |', '| --- | --- | --- | --- | --- | --- |')
    for (const row of rows) {
      const o = row.ocsf
      lines.push(
        o
          ? `| ${row.dictionary} | ${o.className} | ${row.fields} | ${o.required.filled}/${o.required.total} | ${o.recommended.filled}/${o.recommended.total} | ${o.required.missing.join(', ') || '-'} |`
          : `| ${row.dictionary} | (no class_uid) | ${row.fields} | - | - | - |`,
      )
    }
  } else {
    lines.push('| dictionary | fields |', '| --- | --- |')
    for (const row of rows) lines.push(`| ${row.dictionary} | ${row.fields} |`)
  }
  return lines.join('\n') + '\n'
}
