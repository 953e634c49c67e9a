import type { DictionaryIR, FieldIR } from '@mapdown/ir'
import { UNSUPPORTED_MARKER } from '../coerce/absent.js'
import { presentValueCoercer } from '../coerce/index.js'
import type { CoercionResult } from '../coerce/result.js'
import { blockedPathIssue, coercionIssue, multipleValuesIssue } from '../core/issues.js'
import type { ResolvedOptions } from '../core/options.js'
import type { FieldMapper } from '../core/plan.js'
import { BlockedPath } from '../lookup/blocked.js'
import { jsonPathReader, singleValue } from '../lookup/jsonpath.js'
import { MultipleValues } from '../lookup/multiple.js'
import { simplePathCode } from './accessor.js'
import { _, joinCode, name, type Code } from './code.js'
import { generateFunction } from './generate.js'

/**
 * Generates one function per dictionary that reads every field with inline
 * accessors and builds the record with a fixed key order, the fields in
 * dictionary order. Coercers, JSONPath readers and issue builders are passed
 * in as parameters and indexed by field number; standard names and path keys
 * are literals written by the code builder. Returns undefined when some field
 * cannot be generated (the interpreter then maps the dictionary).
 */
export function generatedMapper(dictionary: DictionaryIR, options: ResolvedOptions): FieldMapper | undefined {
  const fields = dictionary.fields
  const lines: Code[] = [_`return function mapFields(e, issues) {`, _`const r = {};`, _`let v, c, s, b;`]
  for (const [index, field] of fields.entries()) {
    const code = fieldCode(field, index, options)
    if (code === undefined) return undefined
    lines.push(code)
  }
  lines.push(_`return r;`, _`}`)
  const coercers = fields.map((field) => presentValueCoercer(field.type, field.dateArgument))
  const readers = fields.map((field) => (field.path.kind === 'jsonpath' ? jsonPathReader(field.path.expression) : undefined))
  const issue = (index: number, value: unknown, result: CoercionResult & { kind: 'issue' }) => coercionIssue(fields[index]!, value, result)
  const multiple = (index: number, found: MultipleValues) => multipleValuesIssue(fields[index]!, found)
  const blocked = (index: number, depth: number, found: unknown) => blockedPathIssue(fields[index]!, new BlockedPath(depth, found))
  return generateFunction<FieldMapper>(
    [
      [name('co'), coercers],
      [name('rd'), readers],
      [name('single'), singleValue],
      [name('MV'), MultipleValues],
      [name('issue'), issue],
      [name('multiple'), multiple],
      [name('blocked'), blocked],
      [name('isArray'), Array.isArray],
      [name('hasOwn'), Object.hasOwn],
    ],
    joinCode(lines),
  )
}

function fieldCode(field: FieldIR, index: number, options: ResolvedOptions): Code | undefined {
  // `r["__proto__"] = x` would set the record's prototype; the IR refuses the name, and this keeps it so here too.
  if (field.name === '__proto__') return undefined
  const key = field.name
  const absent = _`v === undefined || v === null || v === ${UNSUPPORTED_MARKER}`
  const missing = options.emitNull ? _`r[${key}] = null;` : _``
  const coerce = _`if (${absent}) { ${missing} }
else { c = co[${index}](v); if (c.kind === 'value') r[${key}] = c.value; else issues.push(issue(${index}, v, c)); }`
  if (field.path.kind === 'jsonpath') {
    return _`v = single(rd[${index}](e));
if (v instanceof MV) issues.push(multiple(${index}, v));
else {
${coerce}
}`
  }
  const read = simplePathCode(field.path)
  if (read === undefined) return undefined
  return _`s = -1;
${read}
if (s >= 0 && v === undefined) issues.push(blocked(${index}, s, b));
else {
${coerce}
}`
}
