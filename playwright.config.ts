import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer through the web host in Debian's Chromium.
 * Each test starts its own web host with its own data folder (see tests/e2e/fixtures.ts).
 */
// Several people (and CI) may run the suite at once in one checkout: give each run its own folder.
// Workers inherit the variable from the runner, so they agree on it.
process.env.HEARD_PW_RUN ??= `${process.pid}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  // One retry in CI, where a missed click under load would otherwise throw away a whole submission;
  // the list reporter still names any test that passed only on its retry as "flaky", to be fixed.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: `playwright-report/run-${process.env.HEARD_PW_RUN}` }]]
    : 'list',
  outputDir: `test-results/run-${process.env.HEARD_PW_RUN}`,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.HEARD_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  },
});
