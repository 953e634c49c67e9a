import { defineRule } from './rule.js'

export const dictionaryTooLarge = defineRule(
  'dictionary-too-large',
  'The file is larger than any dictionary needs (1 MiB); it is not read, because parsing markdown that size takes seconds and gigabytes (a 10 MB table cell: 17 s and 2.5 GB).',
)
