import type { DictionaryIR, FieldIR, MatchCondition, MatchIR, PathIR } from '@mapdown/ir'
import type { FieldDraft } from './field-draft.js'
import type { DictionaryHeader } from './front-matter.js'

// The IR is written with a fixed key order (the order of the JSON Schema), so
// that the same input always serialises to the same bytes.

export function pathIr(path: PathIR): PathIR {
  switch (path.kind) {
    case 'nested':
      return { kind: 'nested', segments: [...path.segments], text: path.text }
    case 'flat':
      return { kind: 'flat', key: path.key, text: path.text }
    case 'either':
      return { kind: 'either', segments: [...path.segments], key: path.key, text: path.text }
    case 'jsonpath':
      return { kind: 'jsonpath', expression: path.expression, text: path.text }
  }
}

export function matchIr(match: MatchIR): MatchIR {
  return {
    all: match.all.map(
      (condition): MatchCondition =>
        condition.op === 'present'
          ? { op: 'present', path: pathIr(condition.path) }
          : { op: 'equals', path: pathIr(condition.path), values: [...condition.values], ...(condition.compare === 'loose' ? { compare: 'loose' as const } : {}) },
    ),
    evidence: match.evidence,
    ...(match.precedence !== undefined && match.precedence !== 0 ? { precedence: match.precedence } : {}),
  }
}

export function fieldIr(field: FieldDraft): FieldIR {
  const position = field.position.end
    ? { start: { ...field.position.start }, end: { ...field.position.end } }
    : { start: { ...field.position.start } }
  return {
    name: field.name,
    path: pathIr(field.path),
    type: field.type,
    ...(field.type === 'date' && field.dateArgument !== undefined
      ? { dateArgument: typeof field.dateArgument === 'string' ? field.dateArgument : { pattern: field.dateArgument.pattern } }
      : {}),
    description: field.description,
    sampleValue: field.sampleValue,
    position,
    ...(field.source !== undefined ? { source: field.source } : {}),
  }
}

export function dictionaryIr(
  header: DictionaryHeader & { logType: string; rule: string },
  source: string,
  eventType: string | null,
  match: MatchIR,
  fields: readonly FieldDraft[],
): DictionaryIR {
  return {
    id: `${header.logType}/${header.rule}`,
    title: header.title ?? header.rule,
    description: header.description,
    logType: header.logType,
    rule: header.rule,
    version: header.version,
    author: header.author,
    date: header.date,
    source,
    eventType,
    match: matchIr(match),
    fields: fields.map(fieldIr),
  }
}
