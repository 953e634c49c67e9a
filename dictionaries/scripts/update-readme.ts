// Regenerates the tables of dictionaries/README.md from the compiled dictionaries.
//
//   pnpm --filter @mapdown/dictionaries readme          # rewrite README.md
//   pnpm --filter @mapdown/dictionaries readme:check    # exit 1 when README.md is stale
//
// dictionaries/test/library.test.ts runs the same check, so a stale README fails CI.

import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { MappingIR } from '@mapdown/ir'
import { compileLibrary, README_PATH } from './library.js'
import { readSection, writeSection } from './readme-sections.js'
import { renderDictionariesTable, renderStandardNamesTable } from './tables.js'

/** The generated sections of the README, by marker name. */
export function generatedSections(ir: MappingIR): Record<string, string> {
  return {
    dictionaries: renderDictionariesTable(ir),
    'standard-names': renderStandardNamesTable(ir),
  }
}

/** The README text with every generated section brought up to date. */
export function updateReadme(readme: string, ir: MappingIR): string {
  let text = readme
  for (const [name, content] of Object.entries(generatedSections(ir))) text = writeSection(text, name, content)
  return text
}

/** The names of the sections whose content differs from what the IR gives. */
export function staleSections(readme: string, ir: MappingIR): string[] {
  return Object.entries(generatedSections(ir))
    .filter(([name, content]) => readSection(readme, name) !== content)
    .map(([name]) => name)
}

async function main(argv: readonly string[]): Promise<number> {
  const result = await compileLibrary()
  if (result.errorCount > 0) {
    process.stderr.write(`The dictionaries have ${result.errorCount} error(s): run \`pnpm -s mapdown check dictionaries\`\n`)
    return 1
  }
  const readme = readFileSync(README_PATH, 'utf8')
  if (argv.includes('--check')) {
    const stale = staleSections(readme, result.ir)
    if (stale.length === 0) return 0
    process.stderr.write(`dictionaries/README.md is stale (${stale.join(', ')}): run \`pnpm --filter @mapdown/dictionaries readme\`\n`)
    return 1
  }
  const updated = updateReadme(readme, result.ir)
  if (updated !== readme) writeFileSync(README_PATH, updated)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2))
}
