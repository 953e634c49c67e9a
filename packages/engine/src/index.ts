// Exports go in public.ts (shared with the browser entry, browser.ts); only what needs Node goes here.
export * from './public.js'
// Node only: NDJSON framing and streams work on Buffers and Node streams.
export { NdjsonSplitter } from './ndjson/splitter.js'
export { DEFAULT_MAX_LINE_BYTES } from './ndjson/line.js'
export { createMapStream } from './stream/map-stream.js'
export { mapEvents } from './stream/map-events.js'
export type { NdjsonLine, NdjsonLineError, NdjsonSplitterOptions } from './ndjson/line.js'
export type { MapStreamOptions } from './stream/map-stream.js'
