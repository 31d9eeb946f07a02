import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'common/**/*.test.ts',
      'electron/**/*.test.ts',
      'dev/**/*.test.ts',
      'scripts/**/*.test.ts',
      'renderer/**/*.test.ts',
      'eval/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
});
