import { normaliseHeader, type TableCell } from './tables.js'

export type ColumnKey = 'standardName' | 'fieldName' | 'type' | 'description' | 'sampleValue'

/** Header names (normalised) each column is known by; the first is its display name. */
export const COLUMN_ALIASES: Readonly<Record<ColumnKey, readonly string[]>> = {
  standardName: ['standard name', 'standard field', 'standard field name', 'normalized name', 'normalised name', 'target field', 'target name'],
  fieldName: ['field name', 'field', 'source field', 'source field name', 'field path', 'source path', 'path', 'json path', 'jsonpath', 'original field'],
  type: ['type', 'data type', 'field type', 'datatype'],
  description: ['description', 'desc'],
  sampleValue: ['sample value', 'sample', 'sample values', 'example', 'example value'],
}

/** The columns a Data Dictionary table cannot do without. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['standardName', 'fieldName', 'type']

export const COLUMN_LABELS: Readonly<Record<ColumnKey, string>> = {
  standardName: 'Standard Name',
  fieldName: 'Field Name',
  type: 'Type',
  description: 'Description',
  sampleValue: 'Sample Value',
}

export interface ColumnMap {
  /** Column key -> index in the header. */
  index: Partial<Record<ColumnKey, number>>
  /** Header cells that name no known column, or repeat one. */
  unknown: TableCell[]
}

/** Maps a header to columns by name, in any order; extra columns are listed as unknown. */
export function mapColumns(header: readonly TableCell[]): ColumnMap {
  const index: Partial<Record<ColumnKey, number>> = {}
  const unknown: TableCell[] = []
  header.forEach((cell, position) => {
    const name = normaliseHeader(cell.text)
    const key = (Object.keys(COLUMN_ALIASES) as ColumnKey[]).find((candidate) => COLUMN_ALIASES[candidate].includes(name))
    if (key && index[key] === undefined) index[key] = position
    else unknown.push(cell)
  })
  return { index, unknown }
}
