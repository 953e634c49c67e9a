import { defineRule } from './rule.js'

export const schemaEnumIdUnknown = defineRule({
  id: 'schema-enum-id-unknown',
  summary: 'A constant or value map result is an OCSF enum id the attribute does not define.',
  docs: 'OCSF `*_id` attributes take the integer ids of their enum (`activity_id` 1 Launch, 2 Terminate ... 99 Other); the compiler fills the `*_name` sibling from the caption.',
  severity: 'error',
  messages: {
    unknown: '{{problem}}{{where}}',
  },
})
