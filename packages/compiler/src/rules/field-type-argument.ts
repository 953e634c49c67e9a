import { defineRule } from './rule.js'

export const fieldTypeArgument = defineRule(
  'field-type-argument',
  'A type argument that means nothing for its type (only `date` takes one; ignored, a warning), or a date pattern the engine refuses (an error): two variable-width number fields with no separator between them (`Hm`), which is ambiguous and makes the date parser backtrack exponentially.',
)
