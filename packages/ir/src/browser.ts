// The browser entry (export condition `browser`): everything but `irJsonSchema`,
// which is read from a file; a bundle imports `@mapdown/ir/schema.json` itself if it needs it.
export * from './public.js'
