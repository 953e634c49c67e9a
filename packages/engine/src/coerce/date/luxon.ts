import type { DateTime } from 'luxon'

let dateTime: typeof DateTime | undefined
let provided: typeof DateTime | undefined

/**
 * Luxon's `DateTime`, loaded the first time a date pattern is checked or
 * read: most mappings have no pattern date, and every process and worker
 * thread would otherwise pay to load Luxon at start-up.
 *
 * Node loads it with `require` (synchronous, so that coercion stays
 * synchronous), reached through `process.getBuiltinModule` rather than an
 * import of `node:module`, so that this module also loads in a browser. There
 * the browser entry (`src/browser.ts`) imports Luxon and provides it.
 */
export function luxonDateTime(): typeof DateTime {
  dateTime ??= provided ?? requireLuxon()
  return dateTime
}

/** Gives the engine Luxon's `DateTime` where it cannot be required (a browser bundle). */
export function provideLuxon(value: typeof DateTime): void {
  provided = value
}

function requireLuxon(): typeof DateTime {
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module')
  if (!nodeModule) throw new Error('Luxon is not available: import @mapdown/engine through its browser entry, or run on Node.js 20.16 or later')
  const require = nodeModule.createRequire(import.meta.url)
  return (require('luxon') as typeof import('luxon')).DateTime
}
