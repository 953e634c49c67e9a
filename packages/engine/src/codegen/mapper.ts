import type { DictionaryIR, FieldIR } from '@mapdown/ir'
import { UNSUPPORTED_MARKER } from '../coerce/absent.js'
import { presentValueCoercer } from '../coerce/index.js'
import type { CoercionResult } from '../coerce/result.js'
import { coercionIssue, multipleValuesIssue } from '../core/issues.js'
import type { ResolvedOptions } from '../core/options.js'
import type { FieldMapper } from '../core/plan.js'
import { jsonPathReader, singleValue } from '../lookup/jsonpath.js'
import { MultipleValues } from '../lookup/multiple.js'
import { simplePathSource } from './accessor.js'
import { generateFunction } from './generate.js'
import { propertyLiteral } from './source.js'

/**
 * Generates one function per dictionary that reads every field with inline
 * accessors and builds the record with a fixed key order, the fields in
 * dictionary order. Coercers, JSONPath readers and field metadata are passed
 * in as arrays and indexed by field number; only property names are
 * literals. Returns undefined when some field cannot be generated.
 */
export function compiledMapper(dictionary: DictionaryIR, options: ResolvedOptions): FieldMapper | undefined {
  const fields = dictionary.fields
  const coercers = fields.map((field) => presentValueCoercer(field.type, field.dateArgument))
  const readers = fields.map((field) => (field.path.kind === 'jsonpath' ? jsonPathReader(field.path.expression) : undefined))
  const body: string[] = ['return function mapFields(e, issues) {', 'const r = {};', 'let v, c;']
  for (const [index, field] of fields.entries()) {
    const code = fieldSource(field, index, options)
    if (code === undefined) return undefined
    body.push(code)
  }
  body.push('return r;', '}')
  const issue = (index: number, value: unknown, result: CoercionResult & { kind: 'issue' }) => coercionIssue(fields[index]!, value, result)
  const multiple = (index: number, found: MultipleValues) => multipleValuesIssue(fields[index]!, found)
  return generateFunction<FieldMapper>(
    ['co', 'rd', 'single', 'MV', 'issue', 'multiple', 'isArray', 'hasOwn'],
    body.join('\n'),
    [coercers, readers, singleValue, MultipleValues, issue, multiple, Array.isArray, Object.hasOwn],
  )
}

function fieldSource(field: FieldIR, index: number, options: ResolvedOptions): string | undefined {
  const name = propertyLiteral(field.name)
  if (name === undefined) return undefined
  const absent = `v === undefined || v === null || v === ${JSON.stringify(UNSUPPORTED_MARKER)}`
  const coerce =
    `if (${absent}) {${options.emitNull ? ` r[${name}] = null;` : ''} }\n` +
    `else { c = co[${index}](v); if (c.kind === 'value') r[${name}] = c.value; else issues.push(issue(${index}, v, c)); }`
  if (field.path.kind === 'jsonpath') {
    return `v = single(rd[${index}](e));\nif (v instanceof MV) issues.push(multiple(${index}, v));\nelse ${coerce.replace(/\n/g, '\n ')}`
  }
  const read = simplePathSource(field.path)
  return read === undefined ? undefined : `${read}\n${coerce}`
}
