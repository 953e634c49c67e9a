// Includes through the file system: `compileFiles` adds the files a dictionary
// includes (and the files those include) when they were not listed, and reads
// a folder's partials for their rows without compiling them as dictionaries.
// `compileSources` stays pure: an include it was not given is missing.

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compileFiles, compileSources } from '@mapdown/compiler'

const folder = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/includes')

describe('includes', () => {
  it('should add included files, transitively, when compiling one listed dictionary', async () => {
    const result = await compileFiles(['input.md'], { cwd: folder })
    expect(result.files.map((file) => file.path)).toEqual(['input.md', 'common/event.md', 'common/endpoint.md', 'common/agent.md'])
    expect(result.errorCount).toBe(0)
    expect(result.ir.dictionaries.map((d) => d.id)).toEqual(['sentinelone-cloud-funnel/Login'])
    const fields = result.ir.dictionaries[0]?.fields ?? []
    expect(fields.map((field) => [field.name, field.source ?? null])).toEqual([
      ['event_type', 'common/event.md'],
      ['event_date_creation', 'common/event.md'],
      ['agent_uuid', 'common/agent.md'],
      ['host_name', 'common/endpoint.md'],
      ['host_os', 'common/endpoint.md'],
      ['target_user_name', null],
    ])
  })

  it('should report an included row in the partial, with a cause at the include of the dictionary it concerns', async () => {
    const result = await compileFiles(['input.md'], { cwd: folder })
    const agent = result.files.find((file) => file.path === 'common/agent.md')
    const [message] = agent?.messages ?? []
    expect(message?.ruleId).toBe('sample-path-absent')
    expect(message?.place).toEqual({ start: { line: 9, column: 14 }, end: { line: 9, column: 27 } })
    const cause = message?.cause as { reason?: string; place?: unknown } | undefined
    expect(cause?.reason).toBe('Included by `input.md`')
    // Reached through `common/endpoint.md`, the dictionary's own include (line 7).
    expect(cause?.place).toEqual({ start: { line: 7, column: 5 }, end: { line: 7, column: 23 } })
  })

  it('should read a folder of a dictionary and its partials as one dictionary', async () => {
    const result = await compileFiles(['.'], { cwd: folder })
    expect(result.ir.dictionaries).toHaveLength(1)
    expect(result.files).toHaveLength(4)
    expect(result.errorCount).toBe(0)
  })

  it('should resolve includes among the given sources only in compileSources', () => {
    const input = { path: join(folder, 'input.md'), contents: readFileSync(join(folder, 'input.md'), 'utf8') }
    const result = compileSources([input], { cwd: folder })
    expect(result.ir.dictionaries).toEqual([])
    expect(result.files[0]?.messages.filter((m) => m.ruleId === 'include-missing').map((m) => m.reason)).toEqual([
      'Missing included file `common/event.md`, expected a partial dictionary file there',
      'Missing included file `common/endpoint.md`, expected a partial dictionary file there',
    ])
  })

  it('should give the same IR whatever the order of the sources', async () => {
    const forward = await compileFiles(['input.md', 'common'], { cwd: folder })
    const backward = await compileFiles(['common', 'input.md'], { cwd: folder })
    expect(backward.ir).toEqual(forward.ir)
  })
})
