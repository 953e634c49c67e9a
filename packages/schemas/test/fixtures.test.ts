import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkEcsCategorization, checkValue, createRecordValidator, ecsEventTypesFor, ocsfClass, ocsfObjectRequirements, ocsfRequirements, targetField, type RecordValidator, type TargetName } from '@mapdown/schemas'

// One folder per case: `input.json`, a list of questions to the definitions, and
// `expected.json`, the answers in order. A question is one of
//   { "field": "ecs" | "ocsf", "path": "...", "class"?: ..., "value"?: ... }  (lookup, and the value's problems)
//   { "class": <name | uid | caption> }  { "requirements": <class>, "profiles"?: [...] }
//   { "object": <name> }  (its requirements)  { "eventTypesFor": <category> }
//   { "categorization": { "kind"?, "category"?, "type"? } }
//   { "validate": "ecs" | "ocsf", "record": {...} }  (the record's problems against the generated JSON Schema)
// `UPDATE_FIXTURES=1` rewrites the expectations: review the diff before committing.

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures')
const update = process.env.UPDATE_FIXTURES === '1'

type Question = Record<string, unknown>

const validators = new Map<TargetName, RecordValidator>()

function validatorOf(target: TargetName): RecordValidator {
  let validator = validators.get(target)
  if (!validator) {
    validator = createRecordValidator(target)
    validators.set(target, validator)
  }
  return validator
}

function answer(question: Question): unknown {
  if (typeof question.field === 'string') {
    const context = question.class === undefined ? {} : { class: question.class as string | number }
    const lookup = targetField(question.field as TargetName, String(question.path), context)
    if (!('value' in question)) return lookup
    return { lookup, problems: lookup.ok ? checkValue(lookup.field, question.value) : null }
  }
  if (typeof question.validate === 'string') return validatorOf(question.validate as TargetName).validate(question.record)
  if ('requirements' in question) return ocsfRequirements(question.requirements as string | number, (question.profiles as string[] | undefined) ?? [])
  if ('class' in question) return ocsfClass(question.class as string | number) ?? null
  if ('object' in question) return ocsfObjectRequirements(String(question.object))
  if ('eventTypesFor' in question) return ecsEventTypesFor(String(question.eventTypesFor)) ?? null
  if ('categorization' in question) return checkEcsCategorization(question.categorization as Parameters<typeof checkEcsCategorization>[0])
  throw new Error(`Unknown question ${JSON.stringify(question)}`)
}

describe('definitions fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(`should answer ${name}`, () => {
      const questions = JSON.parse(readFileSync(join(fixtures, name, 'input.json'), 'utf8')) as Question[]
      const actual = `${JSON.stringify(questions.map(answer), null, 2)}\n`
      const expectedPath = join(fixtures, name, 'expected.json')
      if (update) writeFileSync(expectedPath, actual)
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'))
    })
  }
})
