/**
 * The CLI README shows `mapdown --help` and `mapdown <command> --help` for every
 * command; each block must be exactly what the built CLI prints, so the help
 * text is never copied by hand again.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../src/main.js'
import { REPO_ROOT, runCli } from './helpers/run-cli.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** Every ```console block's text after `$ <command>`, up to the next `$ ` line or the end of the block. */
function shownOutput(command: string): string[] {
  const outputs: string[] = []
  for (const block of readme.matchAll(/```console\n([\s\S]*?)```/g)) {
    const lines = (block[1] ?? '').split('\n')
    lines.forEach((line, index) => {
      if (line !== `$ ${command}`) return
      const rest = lines.slice(index + 1)
      const end = rest.findIndex((next) => next.startsWith('$ '))
      outputs.push((end === -1 ? rest : rest.slice(0, end)).join('\n'))
    })
  }
  return outputs
}

describe('packages/cli/README.md', () => {
  for (const args of [['--help'], ...Object.keys(COMMANDS).map((name) => [name, '--help'])]) {
    const command = `mapdown ${args.join(' ')}`
    it(`should show \`${command}\` as the CLI prints it`, async () => {
      const shown = shownOutput(command)
      expect(shown, `no \`$ ${command}\` block in the README`).toHaveLength(1)
      const run = await runCli(args, { cwd: REPO_ROOT })
      expect(run.exit).toBe(0)
      expect(shown[0]).toBe(run.stdout)
    })
  }
})
