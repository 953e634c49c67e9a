import { defineRule } from './rule.js'

export const schemaDocumentInvalid = defineRule({
  id: 'schema-document-invalid',
  summary: 'A schema document (front matter `schema:`) does not follow the format of docs/schemas.md.',
  docs:
    'A schema document (`dictionaries/schemas/<name>.md`, front matter `schema: <name>`) must name itself with lower-case letters, digits and `-`, ' +
    'and hold its tables under the sections of docs/schemas.md (`## Fields`, `## Constants`, `## Value Maps` with one `### <name>` per map, `## Dictionary <id>` with `### Constants` and `### Overrides`), ' +
    'with their columns. A schema with an error is left out of the IR.',
  severity: 'error',
  messages: {
    name: 'Unexpected schema name `{{name}}`, expected lower-case letters, digits and `-`, starting with a letter',
    duplicate: 'Unexpected duplicate schema `{{name}}`, expected each schema once (first in {{source}})',
    metadata: 'Unexpected metadata path `{{path}}`, expected a dotted path of non-empty keys such as `unmapped.mapdown`',
    metadataForm: 'Unexpected `metadata-form: {{form}}`, expected `object` (the default) or `labels`',
    definitions: 'Unexpected definitions `{{name}}`, expected one of {{known}}',
    section: { text: 'Unexpected section `{{title}}` in a schema, expected Fields, Constants, Value Maps or Dictionary <id>; ignored', severity: 'warning' },
    subsection: { text: 'Unexpected section `{{title}}` under `{{parent}}`, expected {{expected}}; ignored', severity: 'warning' },
    column: 'Missing column `{{column}}` in the {{table}} table, expected `{{expected}}`',
    target: 'Unexpected Target Field `{{target}}`, expected a dotted path of non-empty keys (not `__proto__`, `constructor`, `prototype`)',
    value: 'Unexpected value `{{value}}`: {{problem}}, expected a YAML scalar, a JSON array or `=`',
    empty: 'Unexpected empty {{cell}} cell, expected a value',
    compare: 'Unexpected `compare: {{value}}`, expected `exact` or `loose`',
    mapDuplicate: 'Unexpected duplicate value map `{{name}}`, expected each map once',
    entryDuplicate: { text: 'Unexpected duplicate Value `{{value}}` in map `{{name}}`, expected each once; the first is used', severity: 'warning' },
    sectionDuplicate: 'Unexpected second section for dictionary `{{id}}`, expected one',
  },
})
