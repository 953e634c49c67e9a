import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { ocsfTypeUid } from '../ocsf/definitions.js'
import { IP_PATTERN } from '../patterns.js'
import type { TargetName } from '../types.js'
import { ecsJsonSchema } from './ecs.js'
import { ocsfJsonSchema } from './ocsf.js'

/** One reason a record is not valid for its target, as ajv words it, with the JSON Pointer of the value. */
export interface RecordProblem {
  readonly pointer: string
  readonly message: string
}

/** Validates mapped records against a target's generated JSON Schema. */
export interface RecordValidator {
  /**
   * The problems of one record ([] when valid). ECS: the one document schema. OCSF: the schema of
   * the record's own `class_uid`, with the profiles it declares in `metadata.profiles`; a record
   * without a known `class_uid` is one problem.
   */
  validate(record: unknown): RecordProblem[]
}

/**
 * A validator for one target. Schemas are compiled on first use and kept (one for ECS, one per
 * OCSF class and profile set): compiling is the slow part (seconds for ECS's 2,600 fields), so
 * `inlineRefs` and code optimisation are off, which makes it several times faster and
 * validation no slower that matters for tests. `strict: false`: the `at_least_one` groups name
 * properties the group itself does not declare, which is valid JSON Schema that strict mode refuses.
 */
export function createRecordValidator(target: TargetName): RecordValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, inlineRefs: false, code: { optimize: false } })
  const compiled = new Map<string, ValidateFunction>()
  const compile = (key: string, build: () => object | undefined): ValidateFunction | undefined => {
    let validate = compiled.get(key)
    if (!validate) {
      const schema = build()
      if (!schema) return undefined
      validate = ajv.compile(schema)
      compiled.set(key, validate)
    }
    return validate
  }
  return {
    validate(record) {
      let validate: ValidateFunction | undefined
      if (target === 'ecs') {
        validate = compile('ecs', ecsJsonSchema)
        if (!validate) throw new Error('unreachable: the ECS schema always builds')
      } else {
        const classUid = isObject(record) ? record.class_uid : undefined
        const metadata = isObject(record) && isObject(record.metadata) ? record.metadata : undefined
        const profiles = Array.isArray(metadata?.profiles) ? metadata.profiles.filter((profile): profile is string => typeof profile === 'string').sort() : []
        if (typeof classUid === 'number') validate = compile(`${classUid}|${profiles.join(',')}`, () => ocsfJsonSchema(classUid, profiles))
        if (!validate) return [{ pointer: '/class_uid', message: `must be the uid of an OCSF event class, found ${JSON.stringify(classUid)}` }]
      }
      const problems = validate(record) ? [] : (validate.errors ?? []).map((error) => ({ pointer: error.instancePath, message: describe(error) }))
      if (target === 'ocsf' && isObject(record)) problems.push(...typeUidProblems(record))
      return problems
    },
  }
}

/** ajv's message, with the unexpected key named, and the IP pattern (1,600 characters) named rather than quoted. */
function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `${error.message ?? ''} (\`${String(error.params.additionalProperty)}\`)`
  if (error.keyword === 'pattern' && error.params.pattern === IP_PATTERN) return 'must be an IPv4 or IPv6 address'
  return error.message ?? 'is invalid'
}

/** OCSF's one rule across attributes that JSON Schema cannot say: type_uid = class_uid × 100 + activity_id. */
function typeUidProblems(record: Record<string, unknown>): RecordProblem[] {
  const { class_uid: classUid, activity_id: activityId, type_uid: typeUid } = record
  if (typeof classUid !== 'number' || typeof activityId !== 'number' || typeof typeUid !== 'number') return []
  const expected = ocsfTypeUid(classUid, activityId)
  return typeUid === expected ? [] : [{ pointer: '/type_uid', message: `must be class_uid × 100 + activity_id = ${expected}, found ${typeUid}` }]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
