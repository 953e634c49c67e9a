import { builtinModules } from 'node:module'
import { defineConfig, type Plugin } from 'vite'

/**
 * The compiler's and the engine's pure API must serve the browser as it is:
 * the build fails if any Node built-in is imported, except where a dependency
 * imports one for a path mapdown never takes; those become empty modules.
 */
const UNUSED_BUILTINS: readonly { importer: RegExp; source: string; why: string }[] = [
  { importer: /[\\/]gray-matter[\\/]index\.js$/, source: 'fs', why: 'only `matter.read` uses it; the compiler passes text' },
  { importer: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]binary\.js$/, source: 'buffer', why: 'optional (in a try); the compiler parses YAML with `yaml`, not js-yaml' },
]

function noNodeBuiltins(): Plugin {
  const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
  const EMPTY = '\0mapdown-empty-module'
  return {
    name: 'mapdown-no-node-builtins',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!builtins.has(source)) return null
      if (importer !== undefined && UNUSED_BUILTINS.some((entry) => entry.source === source && entry.importer.test(importer))) return EMPTY
      this.error(`Node built-in \`${source}\` imported by ${importer ?? 'an entry'}: the playground bundle must not need Node`)
    },
    load(id) {
      return id === EMPTY ? 'export default {}' : null
    },
  }
}

export default defineConfig({
  base: './',
  resolve: { conditions: ['@mapdown/source', 'browser', 'module', 'import', 'default'] },
  plugins: [noNodeBuiltins()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
})
