// Compile-time benchmark (not a test): run `pnpm build` first, then
//   node packages/compiler/bench/compile.mjs [count]
// Reports the time per dictionary for every dictionary in dictionaries/, and for
// `count` (default 1000) distinct dictionaries derived from them in one
// compileSources call (distinct rules, so the cross-dictionary checks run too).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { compileSources } from '../dist/index.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const count = Number(process.argv[2] ?? 1000)

function markdown(folder) {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'test' ? [] : markdown(path)
      return name.endsWith('.md') && name !== 'README.md' ? [path] : []
    })
}

function time(run, repeat) {
  for (let i = 0; i < Math.min(repeat, 20); i++) run() // warm up
  const start = performance.now()
  for (let i = 0; i < repeat; i++) run()
  return (performance.now() - start) / repeat
}

const files = markdown(join(root, 'dictionaries')).map((path) => ({ path: relative(root, path), contents: readFileSync(path, 'utf8') }))
console.log(`node ${process.version}, ${files.length} dictionaries`)
console.log('per dictionary (mean of 200 runs):')
for (const file of files) {
  const ms = time(() => compileSources([file], { cwd: root }), 200)
  console.log(`  ${file.path.padEnd(56)} ${ms.toFixed(3)} ms`)
}

// `count` distinct dictionaries: each copy gets its own rule name and event
// object key, so that they neither share an id nor overlap.
const deepVisibility = files.find((file) => file.path.endsWith('sentinelone/network-connection.md'))
const many = Array.from({ length: count }, (_, index) => ({
  path: `generated/dictionary-${index}.md`,
  contents: deepVisibility.contents
    .replace('sentinelone.rule: NetworkConnection', `sentinelone.rule: NetworkConnection${index}`)
    .replace(/tcpv4/g, `tcpv4x${index}`),
}))
const start = performance.now()
const result = compileSources(many, { cwd: root })
const total = performance.now() - start
console.log(`${count} dictionaries in one call: ${total.toFixed(0)} ms (${(total / count).toFixed(3)} ms each), ${result.ir.dictionaries.length} compiled, ${result.errorCount} errors, ${result.warningCount} warnings`)
