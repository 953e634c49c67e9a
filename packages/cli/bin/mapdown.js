#!/usr/bin/env node
// The `mapdown` command as installed (`node_modules/.bin/mapdown`). This file is
// in the repository, not built, so that `pnpm install` links the command in a
// fresh clone, before the first build; the command itself is the built dist/bin.js.
import { existsSync } from 'node:fs'

const built = new URL('../dist/bin.js', import.meta.url)
if (existsSync(built)) {
  await import(built.href)
} else {
  process.stderr.write('mapdown: the CLI is not built yet: run `pnpm build` (or the Quickstart) first\n')
  process.exitCode = 1
}
