import type { Rule } from './rule.js'
import { dataDictionaryEmpty } from './data-dictionary-empty.js'
import { dataDictionaryMissing } from './data-dictionary-missing.js'
import { dictionaryIdDuplicate } from './dictionary-id-duplicate.js'
import { dictionaryTooLarge } from './dictionary-too-large.js'
import { encodingInvalid } from './encoding-invalid.js'
import { eventJsonBackslash } from './event-json-backslash.js'
import { eventJsonEmpty } from './event-json-empty.js'
import { eventJsonInvalid } from './event-json-invalid.js'
import { eventJsonMissing } from './event-json-missing.js'
import { eventJsonNotObject } from './event-json-not-object.js'
import { eventTypesContradiction } from './event-types-contradiction.js'
import { fenceGluedToContent } from './fence-glued-to-content.js'
import { fieldPathEmpty } from './field-path-empty.js'
import { fieldPathInvalid } from './field-path-invalid.js'
import { fieldPathUnsafe } from './field-path-unsafe.js'
import { fieldTypeArgument } from './field-type-argument.js'
import { fieldTypeUnknown } from './field-type-unknown.js'
import { frontMatterInvalid } from './front-matter-invalid.js'
import { frontMatterMissing } from './front-matter-missing.js'
import { frontMatterRequiredKey } from './front-matter-required-key.js'
import { frontMatterValueType } from './front-matter-value-type.js'
import { internalError } from './internal-error.js'
import { markdownTooDeep } from './markdown-too-deep.js'
import { matchInvalid } from './match-invalid.js'
import { matchOverlap } from './match-overlap.js'
import { matchUndetermined } from './match-undetermined.js'
import { samplePathAbsent } from './sample-path-absent.js'
import { sampleValueType } from './sample-value-type.js'
import { standardNameDuplicate } from './standard-name-duplicate.js'
import { standardNameInvalid } from './standard-name-invalid.js'
import { tableColumnMissing } from './table-column-missing.js'
import { tableColumnUnknown } from './table-column-unknown.js'
import { tableRowCells } from './table-row-cells.js'

/** Every diagnostic rule, sorted by id: the SARIF rule table and the docs are checked against it. */
export const ALL_RULES: readonly Rule[] = [
  dataDictionaryEmpty,
  dataDictionaryMissing,
  dictionaryIdDuplicate,
  dictionaryTooLarge,
  encodingInvalid,
  eventJsonBackslash,
  eventJsonEmpty,
  eventJsonInvalid,
  eventJsonMissing,
  eventJsonNotObject,
  eventTypesContradiction,
  fenceGluedToContent,
  fieldPathEmpty,
  fieldPathInvalid,
  fieldPathUnsafe,
  fieldTypeArgument,
  fieldTypeUnknown,
  frontMatterInvalid,
  frontMatterMissing,
  frontMatterRequiredKey,
  frontMatterValueType,
  internalError,
  markdownTooDeep,
  matchInvalid,
  matchOverlap,
  matchUndetermined,
  samplePathAbsent,
  sampleValueType,
  standardNameDuplicate,
  standardNameInvalid,
  tableColumnMissing,
  tableColumnUnknown,
  tableRowCells,
]
