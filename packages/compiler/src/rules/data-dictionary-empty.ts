import { defineRule } from './rule.js'

export const dataDictionaryEmpty = defineRule('data-dictionary-empty', 'The Data Dictionary table has no usable rows: the dictionary would map nothing.')
