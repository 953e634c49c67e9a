import { defineRule } from './rule.js'

/** Reported by `mapdown check`, which maps each dictionary's Event JSON sample with the engine. */
export const sampleRoutedElsewhere = defineRule({
  id: 'sample-routed-elsewhere',
  summary: "The compiled library routes a dictionary's Event JSON sample to another dictionary (`mapdown check`).",
  severity: 'warning',
  origin: 'check',
  messages: {
    routedElsewhere: 'Unexpected routing of the Event JSON sample to `{{routedTo}}`, expected `{{id}}`',
  },
})
