import { defineRule } from './rule.js'

export const schemaTargetConflict = defineRule({
  id: 'schema-target-conflict',
  summary: 'Two target fields of one dictionary\'s projection run through each other (`process` and `process.pid`), or one writes the metadata path.',
  severity: 'error',
  messages: {
    through: 'Unexpected Target Field `{{target}}` in `{{dictionary}}`: `{{other}}` is written as a value, expected an object there',
    metadata: 'Unexpected Target Field `{{target}}`: it is where the schema writes mapdown\'s metadata (`metadata: {{metadata}}`)',
  },
})
