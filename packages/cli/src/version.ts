/** The CLI's version, read from its package.json (one level above `dist/` and `src/`). */
import { readFileSync } from 'node:fs'

export function cliVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8')
  return (JSON.parse(text) as { version: string }).version
}
