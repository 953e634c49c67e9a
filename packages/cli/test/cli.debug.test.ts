import { describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from './helpers/run-cli.js'

describe('mapdown --debug', () => {
  it('should print one line without --debug and the stack trace with it', async () => {
    const plain = await runCli(['map', 'no-such-input.ndjson'], { cwd: REPO_ROOT })
    expect(plain.exit).toBe(1)
    expect(plain.stderr).toBe('mapdown: no-such-input.ndjson: no such file or directory\n')

    const debug = await runCli(['map', 'no-such-input.ndjson', '--debug'], { cwd: REPO_ROOT })
    expect(debug.exit).toBe(1)
    const [first, ...stack] = debug.stderr.trimEnd().split('\n')
    expect(first).toBe('mapdown: no-such-input.ndjson: no such file or directory')
    expect(stack.join('\n')).toMatch(/InputError: no such file or directory\n\s+at /)
    // The system error behind it is shown too.
    expect(stack.join('\n')).toContain('ENOENT')
  })
})
