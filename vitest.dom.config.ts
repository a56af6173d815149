import { defineConfig } from 'vitest/config';

/**
 * `npm run test:dom`: the elements in the simulated DOMs users unit-test their own components in
 * (happy-dom and jsdom, chosen per file), through the package's own entry.
 */
export default defineConfig({
  test: {
    name: 'dom',
    include: ['test/dom/**/*.test.ts'],
    testTimeout: 10_000,
  },
});
