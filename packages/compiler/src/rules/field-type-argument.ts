import { defineRule } from './rule.js'

export const fieldTypeArgument = defineRule(
  'field-type-argument',
  'A type argument that means nothing for its type (only `date` takes one); it is ignored.',
)
