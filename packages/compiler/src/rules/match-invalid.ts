import { defineRule } from './rule.js'

const NOTE = 'Write `match: <field path>` (present and not null) or a mapping `match: { <field path>: <value or list of values> }`.'

/** Reported by `readFrontMatterMatch` (routing/front-matter-match.ts), which reads `match:`. */
export const matchInvalid = defineRule({
  id: 'match-invalid',
  summary: 'The front matter `match:` is not a field path or a mapping of field paths to values.',
  severity: 'error',
  messages: {
    path: { text: 'Unexpected path `{{path}}` in `match`: {{reason}}', note: NOTE },
    list: { text: 'Unexpected list in `match`, expected a field path or a mapping of field paths to values', note: NOTE },
    scalar: { text: 'Unexpected {{found}} for `match`, expected a field path or a mapping of field paths to values', note: NOTE },
    emptyMapping: { text: 'Unexpected empty mapping for `match`, expected at least one field path', note: NOTE },
    emptyList: { text: 'Unexpected empty list for `{{key}}` in `match`, expected at least one value', note: NOTE },
    valueType: { text: 'Unexpected list or mapping for `{{key}}` in `match`, expected a string, number, boolean or null (or a list of them)', note: NOTE },
  },
})
