import type { DateArgument, FieldType, PathIR, SourcePosition } from '@mapdown/ir'
import type { TableCell } from './markdown/tables.js'

/** A Data Dictionary row once read and decided: what becomes a `FieldIR`, plus where each part was written. */
export interface FieldDraft {
  name: string
  nameCell: TableCell
  path: PathIR
  pathCell: TableCell
  type: FieldType
  dateArgument: DateArgument | undefined
  /** The Type cell was missing and the type came from the sample event. */
  typeInferred: boolean
  description: string
  sampleValue: string | null
  sampleValueCell: TableCell | undefined
  position: SourcePosition
  /** The partial the row was included from (absent for the dictionary's own rows). */
  source?: string
}
