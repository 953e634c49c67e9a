import { defineRule } from './rule.js'

export const dataDictionaryMissing = defineRule(
  'data-dictionary-missing',
  'No Data Dictionary table (Standard Name, Field Name, Type): the dictionary maps nothing.',
)
