// Exports go in public.ts (shared with the browser entry, browser.ts); only what needs Node goes here.
export * from './public.js'
// Node only: the schema is read from its JSON file.
export { irJsonSchema } from './schema.js'
