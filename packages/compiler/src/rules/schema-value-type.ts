import { defineRule } from './rule.js'

export const schemaValueType = defineRule({
  id: 'schema-value-type',
  summary: 'A constant, a value map result or a standard name has a type the Target Field does not take.',
  docs:
    'Constants and value map results are checked with `checkValue` of `@mapdown/schemas`; a standard name by its dictionary type (an `ip` or `date` is a string, ' +
    'an `integer` a number), a derivation by its result (`epoch_ms` an integer, `unique` a list). A list goes only to a list field (ECS `related.ip`, ' +
    '`event.category`), and a list field takes only a list.',
  severity: 'error',
  messages: {
    value: '{{problem}}{{where}}',
    source: 'Unexpected {{actual}} from `{{source}}` for `{{target}}` ({{targetType}}){{where}}, expected {{expected}}{{hint}}',
  },
})
