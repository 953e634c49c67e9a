// examples/embed/embed.ts, run as a user would run it (tsx, packages from dist/): its
// output is the golden mapped output and its stats reconcile, whether it compiles the
// dictionaries itself or loads a compiled IR.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { MapCounts } from '@mapdown/cli'
import { serializeIr } from '@mapdown/compiler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileLibrary } from '../../dictionaries/scripts/library.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const EMBED = 'examples/embed/embed.ts'
const EXPECTED_DIR = join(ROOT, 'examples/events/expected')

/** The golden `--stats` of `mapdown map`, timing fields aside: the CLI's own accounting shape. */
type GoldenStats = MapCounts

let tmp: string

beforeAll(() => {
  for (const dist of ['packages/engine/dist/index.js', 'packages/compiler/dist/index.js']) {
    if (!existsSync(join(ROOT, dist))) throw new Error(`${dist} is missing: run \`pnpm build\` first`)
  }
  tmp = mkdtempSync(join(tmpdir(), 'mapdown-embed-'))
})

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

function runEmbed(args: string[]) {
  const out = join(tmp, `mapped-${args.length}.ndjson`)
  const run = spawnSync(TSX, [EMBED, ...args, '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  const statsLine = run.stderr.split('\n').find((line) => line.startsWith('{'))
  return { status: run.status, stderr: run.stderr, mapped: existsSync(out) ? readFileSync(out, 'utf8') : '', stats: statsLine === undefined ? undefined : JSON.parse(statsLine) }
}

describe('examples/embed/embed.ts', () => {
  const golden = () => JSON.parse(readFileSync(join(EXPECTED_DIR, 'stats.json'), 'utf8')) as GoldenStats

  function expectSameAsGolden(result: ReturnType<typeof runEmbed>) {
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr.split('\n')[0]).toMatch(/\(read = mapped \+ rejected\)$/)
    const g = golden()
    // One stats shape: the golden `--stats` of `mapdown map` is what `engine.stats()` says.
    expect(result.stats).toEqual(g)
    expect(result.stats.read).toBe(result.stats.mapped + result.stats.rejected)
    expect(result.mapped === readFileSync(join(EXPECTED_DIR, 'mapped.ndjson'), 'utf8'), 'output is the golden mapped.ndjson').toBe(true)
  }

  it('should map the example stream, compiling the dictionaries itself', () => {
    expectSameAsGolden(runEmbed(['examples/events/events.ndjson']))
  })

  it('should give the same from a compiled IR file (the engine-only path)', async () => {
    const irPath = join(tmp, 'ir.json')
    writeFileSync(irPath, serializeIr((await compileLibrary()).ir))
    expectSameAsGolden(runEmbed(['examples/events/events.ndjson', '--ir', irPath]))
  })
})
