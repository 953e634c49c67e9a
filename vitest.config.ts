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
    // Generous: many tests run the real CLI, and CI shares two cores with other jobs
    // (at a load of 25, a 17 s CLI test took over 60 s). A timeout catches a hang, never a slow machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
