import { defineRule } from './rule.js'

export const schemaDerivationInvalid = defineRule({
  id: 'schema-derivation-invalid',
  summary: 'A Standard Name cell of a schema is neither a standard name nor a call of the closed set of derivations.',
  docs:
    'A schema row reads a standard name (`src_ip`) or a derivation over standard names: `basename`, `dirname`, `user_name`, `user_domain`, `lower`, `epoch_ms` (one argument), ' +
    '`coalesce`, `unique` (one or more). Anything else (an unknown function, a wrong number of arguments, unbalanced parentheses) is refused: the grammar is closed and never evaluated as code.',
  severity: 'error',
  messages: {
    syntax: 'Unexpected `{{found}}` at character {{offset}} of `{{text}}`, expected {{expected}}',
    unknown: 'Unexpected derivation `{{name}}`, expected one of {{known}}',
    arity: 'Unexpected {{count}} argument(s) to `{{name}}`, expected {{expected}}',
  },
})
