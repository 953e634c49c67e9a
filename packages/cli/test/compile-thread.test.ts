/**
 * CompileThread, the compiler thread `check --watch` keeps between runs: it
 * serves one compilation after another, and a compilation stopped by the
 * deadline ends its thread, the next one starting a fresh thread. The built
 * module runs in a plain Node child (the thread runs dist/dictionaries/compile-entry.js,
 * which must resolve the packages' dist, not the sources vitest resolves).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const BUILT = new URL('../dist/dictionaries/compile-thread.js', import.meta.url).href
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))
/** A dictionary that keeps the markdown parser busy for many seconds (fixtures/_error_/compile-timeout). */
const CRAFTED = `${FIXTURES}_error_/compile-timeout/crafted.md`
const GOOD = `${FIXTURES}_error_/check-library-vocabulary/ip-listen.md`

const SCRIPT = `
const { CompileThread } = await import(${JSON.stringify(BUILT)})
const thread = new CompileThread()
const ids = (result) => result.ir.dictionaries.map((dictionary) => dictionary.id)
const steps = []
try {
  steps.push(ids(await thread.compile([${JSON.stringify(GOOD)}], 20)))
  steps.push(ids(await thread.compile([${JSON.stringify(GOOD)}], 20)))
  steps.push(await thread.compile([${JSON.stringify(CRAFTED)}], 1).then(() => 'compiled', (error) => error.message))
  steps.push(ids(await thread.compile([${JSON.stringify(GOOD)}], 20)))
} finally {
  await thread.close()
}
process.stdout.write(JSON.stringify(steps))
`

describe('CompileThread', () => {
  it('should compile again in the same thread, and replace a thread stopped by the deadline', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mapdown-compile-thread-'))
    const script = join(folder, 'run.mjs')
    writeFileSync(script, SCRIPT)
    const run = spawnSync(process.execPath, [script], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
    rmSync(folder, { recursive: true, force: true })
    expect(run.status, run.stderr).toBe(0)
    const [first, again, stopped, after] = JSON.parse(run.stdout) as unknown[]
    expect(first).toEqual(['sentinelone-cloud-funnel/IPListen'])
    expect(again).toEqual(first)
    expect(stopped).toMatch(/compiling it took more than 1 s of CPU time and was stopped \(--compile-timeout 1\)/)
    expect(after).toEqual(first)
  })
})
