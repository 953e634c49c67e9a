import { defineRule } from './rule.js'

export const fieldPathUnsafe = defineRule({
  id: 'field-path-unsafe',
  summary: 'A Field Name holds a JSONPath script expression or a filter outside the safe grammar (calls, identifiers, `constructor`...).',
  severity: 'error',
  messages: {
    // The reason is the JSONPath reader's; reported by `reportFieldPathProblem`.
    unsafe: {
      text: '{{reason}} (Field Name of {{row}})',
      note: 'Script expressions and filters beyond comparisons of `@` paths and literals are refused: dictionaries must never run code.',
    },
  },
})
