import { defineRule } from './rule.js'

export const schemaFieldUnknown = defineRule({
  id: 'schema-field-unknown',
  summary: 'A schema writes a Target Field that its target (ECS, or the OCSF class of the dictionary) does not define.',
  docs:
    'Every Target Field is looked up in the definitions of `@mapdown/schemas` (docs/schema-definitions.md): ECS by its flat name, OCSF by its path in the class the ' +
    "dictionary's `class_uid` constant names. A record with an unknown field would not validate against the target.",
  severity: 'error',
  messages: {
    unknown: {
      text: 'Unexpected Target Field `{{target}}`{{where}}: {{reason}}',
      note: 'Did you mean `{{suggestion}}`?',
    },
    unknownNoSuggestion: 'Unexpected Target Field `{{target}}`{{where}}: {{reason}}',
    noClass: { text: 'Unexpected OCSF projection of `{{dictionary}}` without a `class_uid` constant, expected one (`## Dictionary {{dictionary}}` > `### Constants`): its fields cannot be checked', severity: 'warning' },
  },
})
