import { defineRule } from './rule.js'

export const schemaStandardNameUnknown = defineRule({
  id: 'schema-standard-name-unknown',
  summary: 'A schema reads a standard name that no dictionary of the library has (a typo, or a row for nothing).',
  docs:
    'A `## Fields` row applies to every dictionary that has all the standard names it reads; a name that no compiled dictionary has can never apply. ' +
    'An override row applies to its dictionary only, so its names must be fields of that dictionary.',
  severity: 'warning',
  messages: {
    unknown: 'Unexpected standard name `{{name}}`, expected a field of some dictionary of the library',
    notInDictionary: 'Unexpected standard name `{{name}}` in an override of `{{dictionary}}`, expected one of its fields',
  },
})
