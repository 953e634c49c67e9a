// Exports go in public.ts (shared with the browser entry, browser.ts); only what needs Node goes here.
export * from './public.js'
// Node only: reads dictionaries from the file system.
export { compileFiles, markdownFiles } from './compile-files.js'
