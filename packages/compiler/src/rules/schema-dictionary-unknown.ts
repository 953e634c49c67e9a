import { defineRule } from './rule.js'

export const schemaDictionaryUnknown = defineRule({
  id: 'schema-dictionary-unknown',
  summary: 'A schema has a `## Dictionary <id>` section for a dictionary the library does not have (or that did not compile).',
  severity: 'warning',
  messages: {
    unknown: 'Unexpected section for dictionary `{{id}}`, expected the id of a compiled dictionary (`<log.type>/<rule>`); ignored',
  },
})
