import { defineRule } from './rule.js'

export const fieldPathEmpty = defineRule({
  id: 'field-path-empty',
  summary: 'A Data Dictionary row has no Field Name.',
  severity: 'error',
  messages: {
    // The reason is the path reader's (`readFieldPath`); reported by `reportFieldPathProblem`.
    empty: '{{reason}} (Field Name of {{row}})',
  },
})
