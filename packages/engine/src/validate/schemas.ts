import { DERIVATIONS, type MappingIR, type ValueIR } from '@mapdown/ir'
import type { IrProblem } from '../errors.js'

/**
 * What the IR schema cannot say about `schemas`: unique names, projections of
 * dictionaries the IR has (once each), standard names those dictionaries have,
 * derivations with the right number of arguments, and targets that do not run
 * through one another (`process` and `process.pid` cannot both be values).
 */
export function checkSchemas(ir: MappingIR, problems: IrProblem[]): void {
  const fieldsOf = new Map(ir.dictionaries.map((dictionary) => [dictionary.id, new Set(dictionary.fields.map((field) => field.name))]))
  const names = new Set<string>()
  ;(ir.schemas ?? []).forEach((schema, s) => {
    const at = `/schemas/${s}`
    if (names.has(schema.name)) problems.push({ instancePath: `${at}/name`, message: `duplicate schema name ${JSON.stringify(schema.name)}` })
    names.add(schema.name)
    const seen = new Set<string>()
    schema.projections.forEach((projection, p) => {
      const pat = `${at}/projections/${p}`
      const fields = fieldsOf.get(projection.dictionary)
      if (!fields) problems.push({ instancePath: `${pat}/dictionary`, message: `unknown dictionary ${JSON.stringify(projection.dictionary)}` })
      if (seen.has(projection.dictionary)) problems.push({ instancePath: `${pat}/dictionary`, message: `duplicate projection of ${JSON.stringify(projection.dictionary)}` })
      seen.add(projection.dictionary)
      // Metadata as an object is a value nothing may run through; as labels, it is a container.
      const leaves = new Set<string>(schema.metadataForm === 'labels' ? [] : [schema.metadata.join('\u0000')])
      projection.assignments.forEach((assignment, a) => {
        checkValue(assignment.value, fields, `${pat}/assignments/${a}/value`, problems)
        const key = assignment.target.join('\u0000')
        if (key === schema.metadata.join('\u0000')) problems.push({ instancePath: `${pat}/assignments/${a}/target`, message: `writes the metadata path ${schema.metadata.join('.')}` })
        leaves.add(key)
      })
      for (const leaf of leaves) {
        const parts = leaf.split('\u0000')
        for (let length = 1; length < parts.length; length++) {
          const prefix = parts.slice(0, length).join('\u0000')
          if (leaves.has(prefix)) problems.push({ instancePath: pat, message: `target ${parts.join('.')} runs through the value ${parts.slice(0, length).join('.')}` })
        }
      }
    })
  })
}

function checkValue(value: ValueIR, fields: ReadonlySet<string> | undefined, instancePath: string, problems: IrProblem[]): void {
  if (value.kind === 'field') {
    if (fields && !fields.has(value.name)) problems.push({ instancePath: `${instancePath}/name`, message: `unknown standard name ${JSON.stringify(value.name)} in this dictionary` })
  } else if (value.kind === 'derive') {
    const arity = DERIVATIONS[value.fn]
    if (value.args.length < arity.min || (arity.max !== undefined && value.args.length > arity.max)) {
      problems.push({ instancePath: `${instancePath}/args`, message: `${value.fn} takes ${arity.max === arity.min ? arity.min : `at least ${arity.min}`} argument(s), got ${value.args.length}` })
    }
    value.args.forEach((arg, i) => checkValue(arg, fields, `${instancePath}/args/${i}`, problems))
  }
}
