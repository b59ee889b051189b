import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/lib/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/workflows/**/*.test.ts', 'tests/integrations/**/*.test.ts', 'tests/loaders/**/*.test.ts', 'tests/cards/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/docs/**/*.test.ts'] } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One fixture build for every browser suite; it takes a while on a 2-core machine.
          globalSetup: ['tests/e2e/global-setup.ts'],
          hookTimeout: 600_000,
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
