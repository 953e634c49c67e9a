import { defineConfig } from 'vitest/config'

// One vitest run covers every package. Cross-package imports resolve to the
// packages' TypeScript sources through the `@mapdown/source` export condition,
// so a change in one package is seen by the others' tests without a rebuild.
// Tests that spawn the CLI use the built `dist/` (the test script builds first).
export default defineConfig({
  resolve: { conditions: ['@mapdown/source'] },
  ssr: { resolve: { conditions: ['@mapdown/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'dictionaries/**/*.test.ts', 'test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
