import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end suites build real sites; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
