import { IR_VERSION, RESERVED_NAMES, type MappingIR, type PathIR } from '@mapdown/ir'
import { IrValidationError, IrVersionError, type IrProblem } from '../errors.js'
import { datePatternProblem } from '../coerce/date/pattern-safety.js'
import { checkJsonPathScripts, FilterPolicyError } from './filter-policy.js'
import { irSchemaValidator } from './schema.js'
import { checkSchemas } from './schemas.js'

/** Checks an untrusted value against the IR schema and the rules the schema cannot express. */
export function validateIr(ir: unknown): MappingIR {
  if (ir === null || typeof ir !== 'object' || Array.isArray(ir)) {
    throw new IrValidationError([{ instancePath: '', message: 'must be an object with irVersion and dictionaries' }])
  }
  const version = (ir as { irVersion?: unknown }).irVersion
  if (version !== undefined && version !== IR_VERSION) throw new IrVersionError(version, IR_VERSION)
  const validate = irSchemaValidator()
  if (!validate(ir)) {
    throw new IrValidationError(
      (validate.errors ?? []).map((error) => ({
        instancePath: error.instancePath,
        message: isReservedNameError(error) ? RESERVED_NAME_MESSAGE : `${error.message ?? 'is invalid'}${paramsText(error.params)}`,
      })),
    )
  }
  const mapping = ir as MappingIR
  const problems: IrProblem[] = []
  const ids = new Set<string>()
  mapping.dictionaries.forEach((dictionary, d) => {
    if (ids.has(dictionary.id)) problems.push({ instancePath: `/dictionaries/${d}/id`, message: `duplicate dictionary id ${JSON.stringify(dictionary.id)}` })
    ids.add(dictionary.id)
    const names = new Set<string>()
    dictionary.fields.forEach((field, f) => {
      const at = `/dictionaries/${d}/fields/${f}`
      if (names.has(field.name)) problems.push({ instancePath: `${at}/name`, message: `duplicate standard name ${JSON.stringify(field.name)}` })
      names.add(field.name)
      checkPath(field.path, `${at}/path`, problems)
      if (typeof field.dateArgument === 'object') {
        const problem = datePatternProblem(field.dateArgument.pattern)
        if (problem !== undefined) problems.push({ instancePath: `${at}/dateArgument/pattern`, message: `date pattern refused: ${problem}` })
      }
    })
    dictionary.match.all.forEach((condition, c) => checkPath(condition.path, `/dictionaries/${d}/match/all/${c}/path`, problems))
  })
  checkSchemas(mapping, problems)
  if (problems.length > 0) throw new IrValidationError(problems)
  return mapping
}

function checkPath(path: PathIR, instancePath: string, problems: IrProblem[]): void {
  if (path.kind !== 'jsonpath') return
  try {
    checkJsonPathScripts(path.expression)
  } catch (error) {
    if (!(error instanceof FilterPolicyError)) throw error
    problems.push({ instancePath: `${instancePath}/expression`, message: error.message })
  }
}

/** The schema refuses the reserved names with `not`, whose own message ("must NOT be valid") says nothing. */
const RESERVED_NAME_MESSAGE = `is a reserved name, expected none of ${RESERVED_NAMES.map((name) => JSON.stringify(name)).join(', ')}`

function isReservedNameError(error: { keyword: string; instancePath: string }): boolean {
  return error.keyword === 'not' && /^\/dictionaries\/\d+\/fields\/\d+\/name$/.test(error.instancePath)
}

function paramsText(params: Record<string, unknown>): string {
  const shown = Object.entries(params).filter(([, value]) => typeof value !== 'object')
  return shown.length === 0 ? '' : ` (${shown.map(([key, value]) => `${key}: ${String(value)}`).join(', ')})`
}
