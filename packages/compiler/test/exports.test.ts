import { describe, expect, it } from 'vitest'
import * as compiler from '@mapdown/compiler'

describe('@mapdown/compiler', () => {
  it('should export exactly its public API', () => {
    expect(Object.keys(compiler).sort()).toEqual([
      'compileFiles',
      'compileSources',
      'draftDictionary',
      'draftGroupOf',
      'formatGithub',
      'formatJson',
      'formatSarif',
      'formatText',
      'markdownFiles',
      'ruleById',
      'rules',
      'sampleFieldIssue',
      'sampleRejected',
      'sampleRoutedElsewhere',
      'serializeIr',
    ])
  })
})
