import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // scrypt at N=2^17 takes ~0.3 s per unlock on these machines; integration tests do several.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Server tests share one PostgreSQL database per run; they isolate by schema.
    fileParallelism: true,
  },
});
