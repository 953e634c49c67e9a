import { defineRule } from './rule.js'

export const schemaRequiredMissing = defineRule({
  id: 'schema-required-missing',
  summary: "A required attribute of a dictionary's OCSF class that no row or constant of the schema fills.",
  docs:
    'With `definitions: ocsf`, every dictionary projection must fill the required attributes of its class (`ocsfRequirements`: `class_uid`, `activity_id`, ' +
    '`category_uid`, `severity_id`, `time`, `type_uid`, `metadata` ...; profile attributes only when `metadata.profiles` declares the profile). A warning: the ' +
    "record is still written, but it will not validate. `mapdown check --schema ocsf` prints each dictionary's coverage.",
  severity: 'warning',
  messages: {
    missing: 'Missing required OCSF attribute{{plural}} {{names}} of class `{{className}}` in `{{dictionary}}`, expected a row or a constant that fills {{them}}',
  },
})
