import { defineRule } from './rule.js'

export const schemaValueMapUnknown = defineRule({
  id: 'schema-value-map-unknown',
  summary: 'A schema row names a Value Map that the schema does not define under `## Value Maps`.',
  severity: 'error',
  messages: {
    unknown: 'Unexpected value map `{{name}}`, expected one of the schema\'s maps ({{known}})',
  },
})
