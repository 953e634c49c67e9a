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
      'ecsEventTypesFor',
      'ecsField',
      'ecsFieldNames',
      'isTargetName',
      'ocsfClass',
      'ocsfClassNames',
      'ocsfField',
      'ocsfObjectRequirements',
      'ocsfRequirements',
      'ocsfTypeUid',
      'targetField',
    ])
  })
})
