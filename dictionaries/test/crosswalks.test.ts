import { describe, expect, it } from 'vitest'
import { CLASSIFICATIONS } from '../scripts/classifications.js'
import { compileLibrary, ORIGINAL_DICTIONARY } from '../scripts/library.js'
import { crosswalkProblems, ocsfCoverage } from '../scripts/crosswalk-check.js'

describe('crosswalk drafts', () => {
  it('should classify and place every dictionary and standard name as ECS and OCSF define them', async () => {
    const { ir } = await compileLibrary()
    // Deep Visibility's DNS events carry no host: neither endpoint of the query is known.
    expect(crosswalkProblems(ir)).toEqual(["sentinelone/DNS: none of the class's {dst_endpoint, src_endpoint} is filled"])
  })

  it('should fill every required OCSF attribute of every dictionary but the device of Deep Visibility events, which carry no host', async () => {
    const { ir } = await compileLibrary()
    const unfilled = ocsfCoverage(ir).filter((row) => row.required.missing.length > 0).map((row) => `${row.dictionary} ${row.ocsfClass}: ${row.required.missing.join(', ')}`)
    expect(unfilled).toEqual(['sentinelone/FileCreation File System Activity (1001): device', 'sentinelone/ProcessCreation Process Activity (1007): device'])
  })
})

describe('classification descriptions', () => {
  it('should end every dictionary description but the byte-pinned original with the sentence that justifies its classification', async () => {
    const { ir } = await compileLibrary()
    const stale = ir.dictionaries
      .filter((dictionary) => dictionary.source !== ORIGINAL_DICTIONARY)
      .filter((dictionary) => !dictionary.description?.endsWith(` ${CLASSIFICATIONS[dictionary.id]?.why ?? '(no classification)'}`))
      .map((dictionary) => dictionary.id)
    expect(stale).toEqual([])
  })
})
