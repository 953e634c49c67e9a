import { defineRule } from './rule.js'

export const dictionaryIdDuplicate = defineRule('dictionary-id-duplicate', 'Two dictionaries have the same id (`<log.type>/<rule>`).')
