import { defineConfig } from 'vitest/config';

// Integration suites start real servers, sandboxes and containers: two cores, so keep it modest.
const shared = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { ...shared, name: 'suites', include: ['test/**/*.test.ts'], exclude: ['test/chaos/**'], sequence: { groupOrder: 0 } } },
      // The chaos suite kills nodes and databases and keeps clusters busy for minutes: it runs
      // once everything else is done, so neither disturbs the other's timing.
      { extends: true, test: { ...shared, name: 'chaos', include: ['test/chaos/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
