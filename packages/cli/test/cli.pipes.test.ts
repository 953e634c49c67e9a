/** The CLI in shell pipelines: a reader that leaves early, and output through a pipe. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mixedLines } from './helpers/generate.js'
import { BIN } from './helpers/run-cli.js'

const DICTIONARIES = fileURLToPath(new URL('./fixtures/_dictionaries', import.meta.url))
let folder = ''
let input = ''

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'mapdown-pipes-'))
  input = join(folder, 'big.ndjson')
  writeFileSync(input, mixedLines(40_000).join('\n') + '\n')
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('mapdown map | head -1', () => {
  it.each(['1', '2'])('should end quietly with exit 0 when the reader goes away (--workers %s)', (workers) => {
    const script = `"${process.execPath}" "${BIN}" map -d "${DICTIONARIES}" "${input}" --workers ${workers} 2>"${folder}/stderr" | head -1; echo "exit=\${PIPESTATUS[0]}"; cat "${folder}/stderr"`
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' })
    const [first, status, ...rest] = result.stdout.split('\n')
    expect(JSON.parse(first ?? '')).toHaveProperty('@mapdown')
    expect(status).toBe('exit=0')
    expect(rest.join('\n').trim()).toBe('')
  })
})
