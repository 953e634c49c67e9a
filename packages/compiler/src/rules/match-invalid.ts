import { defineRule } from './rule.js'

const NOTE = 'Write `match: <field path>` (present and not null) or a mapping `match: { <field path>: <value or list of values> }`.'

const COMPARE_NOTE = '`match-compare: loose` compares the strings of `match:` without regard to case and whitespace (`IP Connect` = `IPConnect`).'
const PRECEDENCE_NOTE = 'When two dictionaries can match the same event, the one with the higher `precedence` takes it (default 0).'

/**
 * Reported by `readFrontMatterMatch` (routing/front-matter-match.ts), which
 * reads `match:`, and by `readRoutingOptions` (routing/routing-options.ts),
 * which reads `match-compare:` and `precedence:`.
 */
export const matchInvalid = defineRule({
  id: 'match-invalid',
  summary:
    'The front matter `match:` is not a field path or a mapping of field paths to values, `match-compare:` is not `exact` or `loose`, or `precedence:` is not an integer.',
  severity: 'error',
  messages: {
    path: { text: 'Unexpected path `{{path}}` in `match`: {{reason}}', note: NOTE },
    list: { text: 'Unexpected list in `match`, expected a field path or a mapping of field paths to values', note: NOTE },
    scalar: { text: 'Unexpected {{found}} for `match`, expected a field path or a mapping of field paths to values', note: NOTE },
    emptyMapping: { text: 'Unexpected empty mapping for `match`, expected at least one field path', note: NOTE },
    emptyList: { text: 'Unexpected empty list for `{{key}}` in `match`, expected at least one value', note: NOTE },
    valueType: { text: 'Unexpected list or mapping for `{{key}}` in `match`, expected a string, number, boolean or null (or a list of them)', note: NOTE },
    compare: { text: 'Unexpected {{found}} for `match-compare`, expected `exact` or `loose`', note: COMPARE_NOTE },
    precedence: { text: 'Unexpected {{found}} for `precedence`, expected an integer from {{min}} to {{max}}', note: PRECEDENCE_NOTE },
    looseUnused: {
      text: 'Unexpected `match-compare: loose` without a string value in `match`, expected a `match:` mapping of field paths to strings; ignored',
      severity: 'warning',
    },
  },
})
