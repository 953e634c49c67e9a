import type { FileContext } from '../context.js'
import type { Section } from '../markdown/sections.js'
import { toSourcePosition } from '../position.js'
import { defineRule } from './rule.js'

export const dataDictionaryMissing = defineRule({
  id: 'data-dictionary-missing',
  summary: 'No Data Dictionary table (Standard Name, Field Name, Type): the dictionary maps nothing.',
  severity: 'error',
  messages: {
    noTableUnderHeading: 'Missing table under the Data Dictionary heading, expected `Standard Name | Field Name | Type | Description | Sample Value`',
    noTable: 'Missing Data Dictionary table, expected a `Data Dictionary` heading with a `Standard Name | Field Name | Type | Description | Sample Value` table',
  },
})

/** Called when `findDataDictionaryTable` found nothing: at the heading when there is one. */
export function reportMissingDataDictionary(ctx: FileContext, section: Section | undefined): void {
  if (section) dataDictionaryMissing.report(ctx, 'noTableUnderHeading', {}, toSourcePosition(section.heading.position))
  else dataDictionaryMissing.report(ctx, 'noTable', {}, { line: 1, column: 1 })
}
