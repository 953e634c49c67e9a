import { createRequire } from 'node:module'
import type { DateTime } from 'luxon'

const require = createRequire(import.meta.url)
let dateTime: typeof DateTime | undefined

/**
 * Luxon's `DateTime`, loaded the first time a date pattern is checked or
 * read: most mappings have no pattern date, and every process and worker
 * thread would otherwise pay to load Luxon at start-up.
 */
export function luxonDateTime(): typeof DateTime {
  dateTime ??= (require('luxon') as typeof import('luxon')).DateTime
  return dateTime
}
