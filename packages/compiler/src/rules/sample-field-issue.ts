import { defineRule } from './rule.js'

/** Reported by `mapdown check`, which maps each dictionary's Event JSON sample with the engine. */
export const sampleFieldIssue = defineRule({
  id: 'sample-field-issue',
  summary: 'Mapping the Event JSON sample gives a field issue the compiler did not already report (`mapdown check`).',
  severity: 'warning',
  origin: 'check',
  messages: {
    fieldIssue: 'Unexpected sample value {{value}} for `{{name}}` (`{{path}}`, {{type}}): {{issue}}',
  },
})
