import type { FileContext, Place } from '../context.js'
import { defineRule } from './rule.js'

const NOTE = 'Paths are relative to the including file. `compileSources` resolves includes among the sources it is given only; `compileFiles` reads included files from disk.'

export const includeMissing = defineRule({
  id: 'include-missing',
  summary: 'An `include:` path names no file among the dictionaries compiled.',
  docs: 'An `include:` path names no file among the dictionaries compiled. `compileFiles` (and so the CLI) reads included files from disk; `compileSources`, which never touches the file system, resolves includes among the sources it is given only.',
  severity: 'error',
  messages: {
    missing: { text: 'Missing included file `{{path}}`, expected a partial dictionary file there', note: NOTE },
    missingResolved: { text: 'Missing included file `{{path}}` (`{{target}}`), expected a partial dictionary file there', note: NOTE },
  },
})

/** Reports an include (`path` as written, `target` relative to the working folder) that names no file compiled. */
export function reportMissingInclude(ctx: FileContext, path: string, target: string, place: Place): void {
  if (path === target) includeMissing.report(ctx, 'missing', { path }, place)
  else includeMissing.report(ctx, 'missingResolved', { path, target }, place)
}
