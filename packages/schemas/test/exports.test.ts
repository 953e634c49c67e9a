import { describe, expect, it } from 'vitest'
import * as schemas from '@mapdown/schemas'

describe('@mapdown/schemas', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(schemas).sort()).toEqual([
      'ECS_VERSION',
      'OCSF_VERSION',
      'TARGETS',
      'checkEcsCategorization',
      'checkElement',
      'checkValue',
      'createRecordValidator',
      'ecsEventTypesFor',
      'ecsField',
      'ecsFieldNames',
      'ecsJsonSchema',
      'isTargetName',
      'ocsfClass',
      'ocsfClassNames',
      'ocsfField',
      'ocsfJsonSchema',
      'ocsfObjectConstraints',
      'ocsfObjectRequirements',
      'ocsfRequirements',
      'ocsfTypeUid',
      'targetField',
    ])
  })
})
