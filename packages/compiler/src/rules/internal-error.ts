import { defineRule } from './rule.js'

export const internalError = defineRule(
  'internal-error',
  'The compiler failed on this file: a bug in mapdown, please report it with the file.',
)
