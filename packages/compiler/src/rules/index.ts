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
import { includeCycle } from './include-cycle.js'
import { includeInvalid } from './include-invalid.js'
import { includeMissing } from './include-missing.js'
import { internalError } from './internal-error.js'
import { markdownTooDeep } from './markdown-too-deep.js'
import { matchFromFieldPaths } from './match-from-field-paths.js'
import { matchInvalid } from './match-invalid.js'
import { matchOverlap } from './match-overlap.js'
import { matchShadowed } from './match-shadowed.js'
import { matchUndetermined } from './match-undetermined.js'
import { partialInvalid } from './partial-invalid.js'
import { sampleFieldIssue } from './sample-field-issue.js'
import { samplePathAbsent } from './sample-path-absent.js'
import { sampleRejected } from './sample-rejected.js'
import { sampleRoutedElsewhere } from './sample-routed-elsewhere.js'
import { sampleValueMismatch } from './sample-value-mismatch.js'
import { sampleValueType } from './sample-value-type.js'
import { schemaEnumIdUnknown } from './schema-enum-id-unknown.js'
import { schemaFieldUnknown } from './schema-field-unknown.js'
import { schemaRequiredMissing } from './schema-required-missing.js'
import { schemaValueNotAllowed } from './schema-value-not-allowed.js'
import { schemaValueType } from './schema-value-type.js'
import { schemaDerivationInvalid } from './schema-derivation-invalid.js'
import { schemaDictionaryUnknown } from './schema-dictionary-unknown.js'
import { schemaDocumentInvalid } from './schema-document-invalid.js'
import { schemaStandardNameUnknown } from './schema-standard-name-unknown.js'
import { schemaTargetConflict } from './schema-target-conflict.js'
import { schemaValueMapUnknown } from './schema-value-map-unknown.js'
import { standardNameDuplicate } from './standard-name-duplicate.js'
import { standardNameInvalid } from './standard-name-invalid.js'
import { standardNameType } from './standard-name-type.js'
import { tableColumnMissing } from './table-column-missing.js'
import { tableColumnUnknown } from './table-column-unknown.js'
import { tableRowCells } from './table-row-cells.js'

/**
 * Every diagnostic rule of the product, sorted by id (the compiler's and
 * `mapdown check`'s): the SARIF rule table, docs/rules.md and the tests are
 * derived from it. A new rule is a module in this folder and one line here.
 */
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
  includeCycle,
  includeInvalid,
  includeMissing,
  internalError,
  markdownTooDeep,
  matchFromFieldPaths,
  matchInvalid,
  matchOverlap,
  matchShadowed,
  matchUndetermined,
  partialInvalid,
  sampleFieldIssue,
  samplePathAbsent,
  sampleRejected,
  sampleRoutedElsewhere,
  sampleValueMismatch,
  sampleValueType,
  schemaDerivationInvalid,
  schemaDictionaryUnknown,
  schemaDocumentInvalid,
  schemaEnumIdUnknown,
  schemaFieldUnknown,
  schemaRequiredMissing,
  schemaStandardNameUnknown,
  schemaTargetConflict,
  schemaValueMapUnknown,
  schemaValueNotAllowed,
  schemaValueType,
  standardNameDuplicate,
  standardNameInvalid,
  standardNameType,
  tableColumnMissing,
  tableColumnUnknown,
  tableRowCells,
]

const BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((rule) => [rule.id, rule]))

/** The rule with this id, if any. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id)
}
