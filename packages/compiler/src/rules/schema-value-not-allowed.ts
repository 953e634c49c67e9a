import { defineRule } from './rule.js'

export const schemaValueNotAllowed = defineRule({
  id: 'schema-value-not-allowed',
  summary: 'A constant or value map result is outside the values the target allows (ECS allowed values, `event.type` for the `event.category`).',
  docs:
    'ECS closes `event.kind`, `event.category`, `event.type` and `event.outcome` to its allowed values, and every `event.type` must be expected by one of the ' +
    "event's categories; `network.direction` has expected values (advisory: a warning).",
  severity: 'error',
  messages: {
    allowed: '{{problem}}{{where}}',
    expected: { text: '{{problem}}{{where}}', severity: 'warning' },
    categorization: '{{problem}} (in `{{dictionary}}`)',
  },
})
