// The target schemas mapdown maps into. Pure modules: the definitions are imported (the ECS
// package, the OCSF extract as a JSON module), so that the browser bundle carries them as they are.
export type { AllowedValue, FieldLookup, FieldLookupError, JsonType, Requirement, TargetField, TargetName, ValueProblem } from './types.js'
export { TARGETS, isTargetName, targetField } from './target.js'
export { ECS_VERSION, checkEcsCategorization, ecsEventTypesFor, ecsField, ecsFieldNames, type EcsCategorizationProblem } from './ecs/definitions.js'
export { OCSF_VERSION, ocsfClass, ocsfClassNames, ocsfField, ocsfObjectConstraints, ocsfObjectRequirements, ocsfRequirements, ocsfTypeUid, type OcsfClass, type OcsfRequirement } from './ocsf/definitions.js'
export { checkElement, checkValue } from './values.js'
export { ecsJsonSchema } from './json-schema/ecs.js'
export { ocsfJsonSchema } from './json-schema/ocsf.js'
export type { JsonSchema } from './json-schema/value.js'
export { createRecordValidator, type RecordProblem, type RecordValidator } from './json-schema/validate.js'
