import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The README's examples are the files in examples/: each runs here and its
 * printed output must equal `<name>.expected.txt`; the README must quote each
 * file verbatim, so README and code cannot drift apart.
 */
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url))
const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8')
const names = readdirSync(EXAMPLES).filter((f) => f.endsWith('.ts') && f !== 'ir.ts').map((f) => f.slice(0, -3))

describe('README examples (examples/)', () => {
  for (const name of names) {
    it(`should run ${name}.ts and print what ${name}.expected.txt says`, async () => {
      const lines: string[] = []
      const module = (await import(join(EXAMPLES, `${name}.ts`))) as { example: (print: (v: unknown) => void) => void | Promise<void> }
      await module.example((value) => lines.push(typeof value === 'string' ? value : JSON.stringify(value)))
      const actual = lines.join('\n') + '\n'
      const expectedPath = join(EXAMPLES, `${name}.expected.txt`)
      if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(expectedPath, actual)
      expect(existsSync(expectedPath)).toBe(true)
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'))
    })

    it(`should quote ${name}.ts verbatim in the README`, () => {
      expect(README).toContain(readFileSync(join(EXAMPLES, `${name}.ts`), 'utf8').trimEnd())
    })
  }

  it('should quote the example IR in the README', () => {
    expect(README).toContain(readFileSync(join(EXAMPLES, 'ir.ts'), 'utf8').trimEnd())
  })
})
