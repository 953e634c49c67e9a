import type { FileContext, Place } from '../context.js'
import { defineRule } from './rule.js'

export const includeInvalid = defineRule({
  id: 'include-invalid',
  summary: 'An `include:` value is not a relative path (or a list of them), or names a file that is not a partial (`partial: true`) or that has errors.',
  docs: 'An `include:` value is not a relative path with `/` separators (or a list of them), or names a file that is not a partial (`partial: true` in front matter), or a partial that has errors: the including dictionary is then left out of the IR too, since some of its rows could not be read. See [Includes and partials](#includes-and-partials).',
  severity: 'error',
  messages: {
    notPath: 'Unexpected {{found}} in `include`, expected a path relative to this file (or a list of them)',
    notRelative: 'Unexpected include path `{{path}}`, expected a path relative to this file with `/` separators',
    notPartial: {
      text: 'Unexpected include of `{{path}}`, a file without `partial: true` in front matter, expected a partial',
      note: 'A partial holds Data Dictionary rows to share: front matter `partial: true`, `title`, `description`, and a Data Dictionary table, no Event JSON.',
    },
    partialErrors: { text: 'Unexpected errors in included file `{{path}}`, expected a partial without errors', note: 'The messages are on the included file.' },
    partialErrorsThrough: { text: 'Unexpected errors in `{{path}}`, included through `{{via}}`, expected a partial without errors', note: 'The messages are on the included file.' },
  },
})

/** Reports an included partial (`partial`, reached through the include `via` written at `place`) whose rows could not all be read. */
export function reportIncludedErrors(ctx: FileContext, partial: string, via: { text: string; target: string }, place: Place): void {
  if (via.target === partial) includeInvalid.report(ctx, 'partialErrors', { path: partial }, place)
  else includeInvalid.report(ctx, 'partialErrorsThrough', { path: partial, via: via.text }, place)
}
