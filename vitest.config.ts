import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Property tests run hundreds of readings each: on a busy 2-core machine some take over Vitest's default 5 s.
      {
        test: {
          name: 'unit',
          testTimeout: 30_000,
          include: [
            'tests/lib/**/*.test.ts',
            'tests/scripts/**/*.test.ts',
            'tests/workflows/**/*.test.ts',
            'tests/integrations/**/*.test.ts',
            'tests/loaders/**/*.test.ts',
            'tests/cards/**/*.test.ts',
            'tests/build/**/*.test.ts',
            'tests/docs/**/*.test.ts',
          ],
        },
      },
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
