// The browser entry (export condition `browser`): the pure API, without
// `compileFiles`, which reads the file system. `compileSources` serves as it is.
export * from './public.js'
