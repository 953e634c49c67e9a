import { defineRule } from './rule.js'

/** Reported by `mapdown check`, which maps each dictionary's Event JSON sample with the engine. */
export const sampleRejected = defineRule({
  id: 'sample-rejected',
  summary: 'The engine rejects the Event JSON sample when mapping it with the compiled library (`mapdown check`).',
  severity: 'warning',
  origin: 'check',
  messages: {
    rejected: 'Unexpected rejection of the Event JSON sample (`{{reason}}`: {{message}}), expected it to map with `{{id}}`',
  },
  example: {
    source: 'packages/cli/test/fixtures/check-findings/expected.stdout',
    line: '::error file=unrouted.md,title=sample-rejected::Unexpected rejection of the Event JSON sample (`no_matching_dictionary`: Unexpected event that no dictionary matches, expected one match), expected it to map with `sentinelone/FailedDns`',
  },
})
