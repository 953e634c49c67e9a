// The browser entry (export condition `browser`): the engine without NDJSON
// framing and Node streams, and with Luxon imported up front, since a browser
// bundle cannot require it lazily as Node does.
import { DateTime } from 'luxon'
import { provideLuxon } from './coerce/date/luxon.js'

provideLuxon(DateTime)

export * from './public.js'
